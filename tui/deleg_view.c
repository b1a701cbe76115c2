#include "tui/deleg_view.h"

#include <stdio.h>
#include <string.h>

#include "model/session.h"
#include "render/archive_digest.h"
#include "render/archive_said.h"
#include "storage/archive.h"
#include "tui/home.h"

static void DelegView_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   ArchiveSaid_digest(ud, e->day, e->body, NULL, d);
}

/* The report into app->delegText: the session on screen through the same
 * digest the archive keeps, or every session of the archive. */
static void DelegView_fill(App *app) {
   ArchiveSaid w;
   ArchiveSaid_init(&w, app->delegCode);
   app->delegText.len = 0;
   if (!app->delegArchive) {
      Session *s = App_session(app);
      ArchiveDigest d = { 0 };
      ArchiveDigest_build(s, &d);
      ArchiveSaid_digest(&w, s->meta.date, s->meta.body, NULL, &d);
      ArchiveDigest_free(&d);
   } else {
      Archive a;
      ArchiveScan how = { .datadir = app->datadir, .today = Home_today(),
                          .digest = ArchiveDigest_build, .visitDigest = DelegView_visit,
                          .digest_version = ARCHIVE_DIGEST_VERSION, .digest_types = "IVPR",
                          .ud = &w };
      char err[1024];
      if (Archive_scan(&a, &how, err, sizeof err) != 0)
         GvBuf_printf(&app->delegText, "%s\n", err);
      else
         Archive_free(&a);
   }
   ArchiveSaid_text(&w, &app->delegText);
   if (!w.found)
      GvBuf_printf(&app->delegText, "Nothing recorded for %s %s.\n", app->delegCode,
                   app->delegArchive ? "in the archive" : "in this meeting");
   ArchiveSaid_free(&w);
}

unsigned DelegView_open(App *app, const char *code) {
   snprintf(app->delegCode, sizeof app->delegCode, "%s", code);
   app->delegArchive = 0;
   DelegView_fill(app);
   app->overlay = OV_DELEG;
   app->overlayScroll = 0;
   return RD_ALL | RD_CLEAR;
}

unsigned DelegView_toggle(App *app) {
   app->delegArchive = !app->delegArchive;
   DelegView_fill(app);
   app->overlayScroll = 0;
   return RD_ALL;
}
