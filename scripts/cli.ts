import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { adrNewCommand } from './cli/adr-new-command.ts';
import { buildCommand } from './cli/build-command.ts';
import { checkCommand } from './cli/check-command.ts';
import { debtNewCommand } from './cli/debt-new-command.ts';
import { devCommand } from './cli/dev-command.ts';
import { ingestCommand } from './cli/ingest-command.ts';
import { initCommand } from './cli/init-command.ts';
import { ExitCode } from './cli/exit-codes.ts';
import { previewCommand } from './cli/preview-command.ts';
import { createReporter, isInteractive } from './cli/reporter.ts';
import { UsageError } from './cli/resolve-paths.ts';

// `handover ingest --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const interactive = isInteractive();
const reporter = createReporter(interactive);

const repoOption = () => new Option('--repo <dir>', 'service repository to read (default: examples/demo-service in a Handover checkout, else the current folder)');
const workDirOption = () => new Option('--work-dir <dir>', 'folder for generated content and caches (default: content/generated inside Handover)');
const portOption = () => new Option('--port <number>', 'port to serve on').argParser(parsePort);

const program = new Command()
  .name('handover')
  .description('Turn a service repository into a searchable handover website.')
  .version('0.1.0')
  // Program options only before the command name, so `build --version 1.2.0` names a version.
  .enablePositionalOptions()
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command('build')
  .description('Build the handover site of a service repository into a static folder, with a search index and a build report.')
  .addOption(repoOption())
  .option('--out <dir>', 'folder to write the site into', 'dist')
  .option('--site-url <url>', 'absolute URL the site will be published at, e.g. https://docs.example.org (used for canonical links and the sitemap)')
  .option('--base <path>', 'path the site is served under, e.g. /blue-badge/ (default: /)')
  .option('--strict', 'exit with code 1 when the input has errors (the site is still built)')
  .option('--public', 'leave out documents marked internal (visibility: internal in front matter, or visibility.internal globs)')
  .addOption(workDirOption())
  .option('--versioned', 'keep earlier releases: build into <out>/<version>/, with latest/, versions.json and a version switcher')
  .option('--previous <dir>', 'with --versioned: output folder of an earlier versioned build to keep versions from (default: --out)')
  .option('--version <name>', 'with --versioned: version name (default: the git tag at HEAD, else package.json version)')
  .action(async (options) => {
    process.exitCode = await buildCommand(options, reporter);
  });

program
  .command('ingest')
  .description('Read a service repository into the handover model without building a site; --json prints it (format: README, "JSON export").')
  .addOption(repoOption())
  .option('--json', 'print the model, files and diagnostics as JSON on stdout')
  .option('--strict', 'exit with code 1 when the input has errors')
  .action(async (options) => {
    process.exitCode = await ingestCommand(options, reporter);
  });

program
  .command('check')
  .description('Is the service ready to hand over? Scores the repository against the readiness rules and lists what to fix.')
  .addOption(repoOption())
  .option('--json', 'print the readiness report as JSON on stdout (format: README, "Readiness check")')
  .option('--markdown <file>', 'also write the report as Markdown, e.g. to "$GITHUB_STEP_SUMMARY" (- for stdout)')
  .addOption(new Option('--min-score <n>', 'exit with code 1 when the overall score (0-100) is below this').argParser(parseScore))
  .option('--strict', 'exit with code 1 when any finding is an error')
  .addOption(workDirOption())
  .action(async (options) => {
    process.exitCode = await checkCommand(options, reporter);
  });

const debt = program.command('debt').description('Work with the technical debt log.');
debt
  .command('new')
  .description('Add an item to the debt log in the format the repository already uses (or start docs/debt/README.md).')
  .argument('<title>', 'one-line title of the debt item')
  .addOption(repoOption())
  .option('--status <status>', 'open, accepted, in progress or paid (default: open)')
  .option('--reason <text>', 'why the debt was taken on')
  .option('--impact <text>', 'what it costs, e.g. "High: slow pages at peak"')
  .option('--owner <name>', 'who owns paying it back')
  .option('--decision <adr>', 'the ADR that took it on, e.g. ADR-0004')
  .option('--dry-run', 'print the change instead of writing it')
  .action(async (title: string, options) => {
    process.exitCode = await debtNewCommand(title, options, reporter);
  });

program
  .command('init')
  .description('Scaffold what the repository lacks for a handover site: ADRs, runbook template, debt register, training module, config and CI workflow. Never overwrites a file.')
  .option('--repo <dir>', 'service repository to scaffold (default: the current folder)')
  .addOption(new Option('--format <format>', 'ADR format (default: nygard)').choices(['nygard', 'madr']))
  .addOption(new Option('--ci <provider>', 'CI to publish the site from (default: gitlab for a GitLab repository, else github)').choices(['github', 'gitlab', 'none']))
  .option('--yes', 'do not ask: take the flags and defaults (never asked in CI)')
  .option('--dry-run', 'print what would be created and kept, and write nothing')
  .action(async (options) => {
    process.exitCode = await initCommand(options, reporter, interactive);
  });

const adr = program.command('adr').description('Work with architecture decision records.');
adr
  .command('new')
  .description('Write the next ADR in the repository\'s ADR folder, numbered and laid out as adr-tools (or MADR) would.')
  .argument('<title>', 'the decision, e.g. "Use PostgreSQL for applications"')
  .option('--repo <dir>', 'service repository (default: the current folder)')
  .option('--supersedes <number>', 'number of the ADR this one supersedes; its status is updated', parseAdrNumber)
  .addOption(new Option('--status <status>', 'status of the new ADR').choices(['accepted', 'proposed']).default('accepted'))
  .option('--dry-run', 'print the new ADR instead of writing it')
  .action(async (title: string, options) => {
    process.exitCode = await adrNewCommand(title, options, reporter);
  });

program
  .command('dev')
  .description('Serve the handover site with live reload while you edit the service repository\'s docs.')
  .addOption(repoOption())
  .addOption(portOption())
  .addOption(workDirOption())
  .action(async (options) => {
    process.exitCode = await devCommand(options, reporter);
  });

program
  .command('preview')
  .description('Serve a site built by `handover build` locally.')
  .option('--out <dir>', 'folder the site was built into', 'dist')
  .addOption(portOption())
  .addOption(workDirOption())
  .action(async (options) => {
    process.exitCode = await previewCommand(options, reporter);
  });

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isInteger(score) || score < 0 || score > 100) throw new InvalidArgumentError('must be a whole number from 0 to 100.');
  return score;
}

function parseAdrNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be the number of an ADR, e.g. 3.');
  return number;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new InvalidArgumentError('must be a whole number from 1 to 65535.');
  return port;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit through here with code 0; usage mistakes with code 2.
    process.exitCode = error.exitCode === 0 ? ExitCode.Success : ExitCode.UsageError;
  } else if (error instanceof UsageError) {
    reporter.error(error.message);
    process.exitCode = ExitCode.UsageError;
  } else {
    reporter.error(`Unexpected failure: ${(error as Error).message}. This is a bug in Handover; please report it with the command you ran.`);
    if (process.env.HANDOVER_DEBUG) console.error(error);
    process.exitCode = ExitCode.BuildFailed;
  }
}
