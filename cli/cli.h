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

/* An option that takes a value, in any of its spellings: "-o FILE",
 * "-oFILE", "--output FILE", "--output=FILE" (either name may be NULL).
 * 1 when argv[*i] is that option (the value in *val, *i moved past it),
 * 0 when it is not, -1 when the value is missing. */
int Cli_value(int argc, char **argv, int *i, const char *shortName, const char *longName,
              const char **val);

/* True when argv[i] is "-h" or "--help". */
int Cli_isHelp(const char *arg);

#endif
