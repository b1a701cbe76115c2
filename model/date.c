/* Calendar arithmetic (Howard Hinnant's days-from-civil algorithm, written
 * out here) and the date and time forms the command language accepts. */
#include "model/date.h"

#include <stdio.h>
#include <string.h>

static int64_t floor_div(int64_t a, int64_t b) {
   int64_t q = a / b;
   if ((a % b != 0) && ((a < 0) != (b < 0)))
      q--;
   return q;
}

int64_t Date_days_from_civil(int64_t y, unsigned m, unsigned d) {
   y -= m <= 2;
   int64_t era = floor_div(y, 400);
   int64_t yoe = y - era * 400;                                   /* [0, 399] */
   int64_t mp = (m + 9) % 12;                                     /* March = 0 */
   int64_t doy = (153 * mp + 2) / 5 + (int64_t)d - 1;             /* [0, 365] */
   int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
   return era * 146097 + doe - 719468;
}

void Date_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d) {
   z += 719468;
   int64_t era = floor_div(z, 146097);
   int64_t doe = z - era * 146097;
   int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
   int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
   int64_t mp = (5 * doy + 2) / 153;
   *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
   *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
   *y = yoe + era * 400 + (*m <= 2);
}

static bool is_leap(int64_t y) {
   return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool Date_valid(int64_t y, unsigned m, unsigned d) {
   static const unsigned mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
   if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999)
      return false;
   unsigned max = mdays[m - 1] + (m == 2 && is_leap(y));
   return d <= max;
}

unsigned Date_weekday(int64_t days) {
   /* 1970-01-01 was a Thursday (3 with Monday = 0). */
   int64_t w = (days + 3) % 7;
   return (unsigned)(w < 0 ? w + 7 : w);
}

static const char *const Month_names[12] = {
   "January", "February", "March", "April", "May", "June",
   "July", "August", "September", "October", "November", "December",
};

const char *Date_month_name(unsigned m) {
   return (m >= 1 && m <= 12) ? Month_names[m - 1] : "";
}

static int lower(int c) {
   return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

/* Month from an English name, full or its first three letters. */
static unsigned month_from_name(const char *s, size_t n) {
   if (n < 3)
      return 0;
   for (unsigned m = 0; m < 12; m++) {
      const char *name = Month_names[m];
      size_t len = strlen(name);
      if (n != 3 && n != len && !(n == 4 && m == 8 && lower(s[3]) == 't'))
         continue;   /* "Sept" is common enough to accept */
      if (n > len)
         continue;
      size_t i = 0;
      while (i < n && lower((unsigned char)s[i]) == lower((unsigned char)name[i]))
         i++;
      if (i == n)
         return m + 1;
   }
   return 0;
}

/* Reads up to max digits; returns how many were read (0: none). */
static size_t read_num(const char *s, size_t n, size_t max, int64_t *v) {
   size_t i = 0;
   *v = 0;
   while (i < n && i < max && s[i] >= '0' && s[i] <= '9')
      *v = *v * 10 + (s[i++] - '0');
   return i;
}

static GvStatus date_fail(const char *s, size_t n, char *msg, size_t msglen, const char *why) {
   if (msg && msglen)
      snprintf(msg, msglen, "invalid date '%.*s'%s%s", (int)(n > 40 ? 40 : n), s,
               why ? ": " : "", why ? why : " (use 2017-05-31, 31 May or 31/05)");
   return GV_BAD_DATE;
}

GvStatus Date_parse(const char *s, size_t n, int64_t ref_day, int64_t *day, char *msg, size_t msglen) {
   while (n && (*s == ' ' || *s == '\t'))
      s++, n--;
   while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
   const char *orig = s;
   size_t orig_n = n;
   int64_t y = 0, m = 0, d = 0;
   bool have_year = false;
   size_t i;
   int64_t v;
   if ((i = read_num(s, n, 4, &v)) == 4 && i < n && s[i] == '-') {
      /* ISO: YYYY-MM-DD */
      y = v;
      have_year = true;
      size_t j = i + 1;
      size_t k = read_num(s + j, n - j, 2, &m);
      if (k != 2 || j + k >= n || s[j + k] != '-')
         return date_fail(orig, orig_n, msg, msglen, NULL);
      j += k + 1;
      k = read_num(s + j, n - j, 2, &d);
      if (k != 2 || j + k != n)
         return date_fail(orig, orig_n, msg, msglen, NULL);
   } else if (i >= 1 && i <= 2) {
      d = v;
      size_t j = i;
      if (j < n && (s[j] == '/' || s[j] == '.')) {
         char sep = s[j++];
         size_t k = read_num(s + j, n - j, 2, &m);
         if (k == 0)
            return date_fail(orig, orig_n, msg, msglen, NULL);
         j += k;
         if (j < n && s[j] == sep) {
            j++;
            k = read_num(s + j, n - j, 4, &y);
            if (k != 4 && k != 2)
               return date_fail(orig, orig_n, msg, msglen, NULL);
            if (k == 2)
               y += 2000;
            have_year = true;
            j += k;
         }
         if (j != n)
            return date_fail(orig, orig_n, msg, msglen, NULL);
      } else {
         /* "31 May [2017]" */
         while (j < n && s[j] == ' ')
            j++;
         size_t st = j;
         while (j < n && ((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z'))
            j++;
         m = month_from_name(s + st, j - st);
         if (m == 0) {
            if (j == st)
               return date_fail(orig, orig_n, msg, msglen, NULL);
            char why[64];
            snprintf(why, sizeof why, "unknown month '%.*s'", (int)(j - st > 20 ? 20 : j - st), s + st);
            return date_fail(orig, orig_n, msg, msglen, why);
         }
         if (j < n && s[j] == '.')
            j++;
         while (j < n && (s[j] == ' ' || s[j] == ','))
            j++;
         if (j < n) {
            size_t k = read_num(s + j, n - j, 4, &y);
            if (k != 4 || j + k != n)
               return date_fail(orig, orig_n, msg, msglen, NULL);
            have_year = true;
         }
      }
   } else {
      return date_fail(orig, orig_n, msg, msglen, NULL);
   }
   if (!have_year) {
      if (ref_day == GV_NO_DAY)
         return date_fail(orig, orig_n, msg, msglen, "no year and no session date (set date first)");
      unsigned rm, rd;
      Date_civil_from_days(ref_day, &y, &rm, &rd);
   }
   if (!Date_valid(y, (unsigned)m, (unsigned)d))
      return date_fail(orig, orig_n, msg, msglen, "no such day");
   *day = Date_days_from_civil(y, (unsigned)m, (unsigned)d);
   return GV_OK;
}

static void put2(char *out, unsigned v) {
   out[0] = (char)('0' + v / 10 % 10);
   out[1] = (char)('0' + v % 10);
}

void Date_format_iso(int64_t day, char out[11]) {
   int64_t y;
   unsigned m, d;
   Date_civil_from_days(day, &y, &m, &d);
   if (y < 0 || y > 9999) {
      memcpy(out, "0000-00-00", 11);
      return;
   }
   /* Digits written directly: a search formats a date for every session
    * it reports, snprintf costs a thousand instructions. */
   put2(out, (unsigned)(y / 100));
   put2(out + 2, (unsigned)(y % 100));
   out[4] = '-';
   put2(out + 5, m);
   out[7] = '-';
   put2(out + 8, d);
   out[10] = '\0';
}

void Date_format_long(int64_t day, char out[24]) {
   int64_t y;
   unsigned m, d;
   Date_civil_from_days(day, &y, &m, &d);
   snprintf(out, 24, "%u %s %d", d, Date_month_name(m), (int)(y % 100000));
}

GvStatus Time_parse_hms(const char *s, size_t n, int64_t *secs, char *msg, size_t msglen) {
   int64_t h, m, sec = 0;
   size_t i = read_num(s, n, 2, &h);
   bool ok = i >= 1 && i < n && s[i] == ':';
   if (ok) {
      size_t j = i + 1;
      size_t k = read_num(s + j, n - j, 2, &m);
      ok = k == 2;
      j += k;
      if (ok && j < n) {
         ok = s[j] == ':';
         j++;
         k = read_num(s + j, n - j, 2, &sec);
         ok = ok && k == 2;
         j += k;
      }
      ok = ok && j == n && h < 24 && m < 60 && sec < 60;
   }
   if (!ok) {
      if (msg && msglen)
         snprintf(msg, msglen, "invalid time '%.*s' (use HH:MM or HH:MM:SS)", (int)(n > 40 ? 40 : n), s);
      return GV_BAD_TIME;
   }
   *secs = h * 3600 + m * 60 + sec;
   return GV_OK;
}

/* Digits at s[0..n), or -1. */
/* Are the 14 digits of YYYY-MM-DDTHH:MM:SS all digits? */
static bool Time_iso_digits(const char *s) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(GAVEL_PORTABLE)
   /* Eight bytes at a time: s[0..8), s[8..16), s[11..19), only the digit
    * places (mask). (b ^ '0') < 10 for a digit; adding 0x76 sets the high
    * bit of any other value, and a carry only flags bytes above a flagged
    * one. */
   static const uint64_t mask[3] = { 0x00ffff00ffffffffULL, 0xffff00ffff00ffffULL,
                                     0xffff00ffff00ffffULL };
   static const size_t at[3] = { 0, 8, 11 };
   uint64_t bad = 0;
   for (int i = 0; i < 3; i++) {
      uint64_t w;
      memcpy(&w, s + at[i], 8);
      uint64_t x = (w ^ 0x3030303030303030ULL) & mask[i];
      bad |= ((x + 0x7676767676767676ULL) | x) & mask[i] & 0x8080808080808080ULL;
   }
   return bad == 0;
#else
   static const unsigned char at[14] = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
   for (int i = 0; i < 14; i++)
      if (s[at[i]] < '0' || s[at[i]] > '9')
         return false;
   return true;
#endif
}

GvStatus Time_parse_iso(const char *s, size_t n, int64_t *t) {
   if (n != 19 || s[10] != 'T')
      return GV_BAD_TIME;
   /* Every journal line has one: YYYY-MM-DDTHH:MM:SS read at once. Any other
    * shape goes the general way below. */
   if (s[4] == '-' && s[7] == '-' && s[13] == ':' && s[16] == ':') {
      /* Read first, used only when Time_iso_digits finds them all digits. */
#define D(i) ((unsigned)(unsigned char)s[i] - '0')
      int64_t y = D(0) * 1000 + D(1) * 100 + D(2) * 10 + D(3), mo = D(5) * 10 + D(6);
      int64_t d = D(8) * 10 + D(9), h = D(11) * 10 + D(12), mi = D(14) * 10 + D(15);
      int64_t se = D(17) * 10 + D(18);
      if (Time_iso_digits(s)) {
#undef D
         if (!Date_valid(y, (unsigned)mo, (unsigned)d) || h >= 24 || mi >= 60 || se >= 60)
            return GV_BAD_TIME;
         *t = Date_days_from_civil(y, (unsigned)mo, (unsigned)d) * GV_DAY_SECONDS + h * 3600 +
              mi * 60 + se;
         return GV_OK;
      }
   }
   int64_t day, secs;
   if (Date_parse(s, 10, GV_NO_DAY, &day, NULL, 0) != GV_OK || s[4] != '-')
      return GV_BAD_TIME;
   if (Time_parse_hms(s + 11, 8, &secs, NULL, 0) != GV_OK)
      return GV_BAD_TIME;
   *t = day * GV_DAY_SECONDS + secs;
   return GV_OK;
}

int64_t Time_day(int64_t t) {
   return floor_div(t, GV_DAY_SECONDS);
}

int64_t Time_of_day(int64_t t) {
   return t - Time_day(t) * GV_DAY_SECONDS;
}

/* Two digits of v (0..99) at out. */
void Time_format_iso(int64_t t, char out[20]) {
   Date_format_iso(Time_day(t), out);
   unsigned s = (unsigned)Time_of_day(t);
   out[10] = 'T';
   put2(out + 11, s / 3600);
   out[13] = ':';
   put2(out + 14, s / 60 % 60);
   out[16] = ':';
   put2(out + 17, s % 60);
   out[19] = '\0';
}

void Time_format_hm(int64_t t, bool with_secs, char out[9]) {
   unsigned s = (unsigned)Time_of_day(t);
   put2(out, s / 3600);
   out[2] = ':';
   put2(out + 3, s / 60 % 60);
   if (with_secs && s % 60) {
      out[5] = ':';
      put2(out + 6, s % 60);
      out[8] = '\0';
   } else {
      out[5] = '\0';
   }
}
