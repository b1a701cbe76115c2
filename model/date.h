/* Calendar arithmetic for the meeting clock. Times are the meeting's naive
 * local time as seconds since 1970-01-01T00:00:00 computed as if UTC; days
 * are day numbers since 1970-01-01. Pure arithmetic: no time(), no tz. */
#ifndef GAVEL_MODEL_DATE_H
#define GAVEL_MODEL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/status.h"

#define GV_NO_DAY  INT64_MIN   /* no date recorded */
#define GV_NO_TIME INT64_MIN   /* no time recorded */
#define GV_DAY_SECONDS 86400

/* Day number of a proleptic Gregorian date (m 1..12, d 1..31). */
int64_t Date_days_from_civil(int64_t y, unsigned m, unsigned d);
void Date_civil_from_days(int64_t days, int64_t *y, unsigned *m, unsigned *d);
bool Date_valid(int64_t y, unsigned m, unsigned d);
/* 0 = Monday ... 6 = Sunday. */
unsigned Date_weekday(int64_t days);

/* Parses "2017-05-31", "31 May", "31 May 2017", "31/05", "31/05/2017",
 * "31.05.2017" (month names in English, full or 3 letters, any case). A date
 * without a year takes the year of ref_day (or fails with GV_BAD_DATE when
 * ref_day is GV_NO_DAY). On refusal msg says why. */
GvStatus Date_parse(const char *s, size_t n, int64_t ref_day, int64_t *day, char *msg, size_t msglen);
/* "2017-05-31" (11 bytes with the NUL). */
void Date_format_iso(int64_t day, char out[11]);
/* "31 May 2017" (at most 18 bytes with the NUL). */
void Date_format_long(int64_t day, char out[24]);
/* "May" for 5; "" when out of range. */
const char *Date_month_name(unsigned m);

/* Time of day "HH:MM" or "HH:MM:SS" -> seconds since midnight. */
GvStatus Time_parse_hms(const char *s, size_t n, int64_t *secs, char *msg, size_t msglen);
/* "YYYY-MM-DDTHH:MM:SS" -> time. */
GvStatus Time_parse_iso(const char *s, size_t n, int64_t *t);
/* "2017-05-12T10:02:13" (20 bytes with the NUL). */
void Time_format_iso(int64_t t, char out[20]);
/* "10:02" or "10:02:13" when seconds are not zero and with_secs. */
void Time_format_hm(int64_t t, bool with_secs, char out[9]);
/* Floor division helpers: the day of a time and the seconds into it. */
int64_t Time_day(int64_t t);
int64_t Time_of_day(int64_t t);

#endif
