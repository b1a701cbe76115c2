/* The batch subcommands of gavel: one file per subcommand, dispatched from
 * the table in main.c. Each returns the process exit code:
 * 0 done, 1 refused or failed (with a message on stderr), 2 usage error. */
#ifndef GAVEL_CLI_H
#define GAVEL_CLI_H

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* What the global options said, before the subcommand's own. */
typedef struct CliEnv {
   const char *progname;  /* for messages: "gavel" */
   const char *datadir;   /* -D DIR, or NULL for $XDG_DATA_HOME/gavel */
   int read_only;         /* --read-only */
} CliEnv;

typedef int (*CliRun)(const CliEnv *env, int argc, char **argv);

/* Prints "gavel: MESSAGE" to stderr; returns CLI_USAGE for `return Cli_usage(...)`. */
int Cli_usage(const CliEnv *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int Cli_fail(const CliEnv *env, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
