// The `lab` command line: `npm run -s lab -- <command>`.
// Grading commands live in grader/cli.ts (usable without a database); account and database
// commands live in lib/server/cli.ts. Edit this file only to route a new top-level command.
const serverCommands = new Set(["db", "user", "token"]);

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command !== undefined && serverCommands.has(command)) {
    const { runServerCli } = await import("../lib/server/cli");
    return runServerCli(argv);
  }
  const { runGraderCli } = await import("../grader/cli");
  return runGraderCli(argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
