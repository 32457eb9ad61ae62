using System.CommandLine;
using System.Reflection;
using TextLens.Cli.Commands;
using TextLens.Core.Features;
using TextLens.Core.Reporting;

namespace TextLens.Cli;

public static class Program
{
    /// <summary>Shows the stack trace of an internal error (otherwise one line is printed).</summary>
    private const string VerboseOption = "--verbose";

    public static int Main(string[] args)
    {
        bool verbose = args.Contains(VerboseOption);
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Environment.Exit(LastResort(e.ExceptionObject as Exception, verbose));
        try
        {
            return Run(args, CliContext.ForProcess(args));
        }
        catch (Exception ex)
        {
            return LastResort(ex, verbose);
        }
    }

    /// <summary>
    /// The last line of defence: anything not already turned into a diagnostic or a usage error (a bug) ends
    /// the run with exit code 3 and one line on standard error; the stack trace only with --verbose.
    /// </summary>
    private static int LastResort(Exception? ex, bool verbose)
    {
        try
        {
            Exception shown = ex is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : ex ?? new InvalidOperationException("unknown failure");
            Console.Error.WriteLine($"textlens: internal error: {shown.GetType().Name}: {shown.Message.ReplaceLineEndings(" ")} (this is a bug in TextLens; run again with {VerboseOption} for details and please report it)");
            if (verbose)
            {
                Console.Error.WriteLine(ex);
            }
        }
        catch (IOException)
        {
            // Standard error itself is gone: the exit code is all that is left.
        }

        return ExitCodes.InternalError;
    }

    /// <summary>
    /// Reading failures become diagnostics where they happen (loaders, configuration, baseline); an I/O error that
    /// reaches here comes from writing a report (standard output on a full disk, a file that cannot be committed).
    /// </summary>
    private static bool IsOutputFailure(IOException ex) => ex is not FileNotFoundException and not DirectoryNotFoundException;

    /// <summary>The tool's version as <c>--version</c> prints it (the informational version: the package version and the commit).</summary>
    public static string InformationalVersion { get; } =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command against <paramref name="context"/>: the whole tool, short
    /// of the last-resort handler, with the outside world passed in (tests give an in-memory one).
    /// </summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (args is ["--version"])
        {
            // What System.CommandLine's --version prints, without building every command first: a CI job asks this of
            // the tool before anything else, and start-up is a feature.
            context.Console.Out.WriteLine(InformationalVersion);
            return ExitCodes.Success;
        }

        TextWriter stderr = context.Console.Error;
        var root = new RootCommand("TextLens: a Roslyn-style analyzer for English prose (keyword salience, themes, stance, diagnostics).");
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(IndexCommand.Create(context));
        root.Subcommands.Add(RulesCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Options.Add(new Option<bool>(VerboseOption) { Recursive = true, Description = "On an internal error, show its stack trace." });
        CommandLineHelp.AddEpilogue(root);
        CommandLineHelp.RejectEmptyValues(root);

        ParseResult parse = root.Parse(args);

        // '--help' wins over the errors of the command it asks about: 'textlens eval stance --help' shows the
        // command's help, although its required options are missing.
        if (parse.Errors.Count > 0 && !CommandLineHelp.AsksForHelp(parse))
        {
            foreach (string line in CommandLineHelp.DescribeErrors(parse))
            {
                stderr.WriteLine($"textlens: {line}");
            }

            stderr.WriteLine("Run 'textlens --help' for usage.");
            return ExitCodes.UsageOrInputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = context.Console.Out, Error = stderr });
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"textlens: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (IOException ex) when (IsOutputFailure(ex))
        {
            stderr.WriteLine($"textlens: cannot write the output: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (ModelLoadException ex)
        {
            stderr.WriteLine($"textlens: error: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<ModelLoadException>().FirstOrDefault() is { } failed)
        {
            stderr.WriteLine($"textlens: error: {failed.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}

/// <summary>A mistake in how the tool was called: printed without a stack trace, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
