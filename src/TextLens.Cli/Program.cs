using System.CommandLine;
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
            return Run(args);
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

    private static int Run(string[] args)
    {
        var root = new RootCommand("TextLens: a Roslyn-style analyzer for English prose (keyword salience, themes, stance, diagnostics).");
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(IndexCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Options.Add(new Option<bool>(VerboseOption) { Recursive = true, Description = "On an internal error, show its stack trace." });
        CommandLineHelp.AddEpilogue(root);

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (string line in CommandLineHelp.DescribeErrors(parse))
            {
                Console.Error.WriteLine($"textlens: {line}");
            }

            Console.Error.WriteLine("Run 'textlens --help' for usage.");
            return ExitCodes.UsageOrInputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"textlens: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (IOException ex) when (IsOutputFailure(ex))
        {
            Console.Error.WriteLine($"textlens: cannot write the report: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (ModelLoadException ex)
        {
            Console.Error.WriteLine($"textlens: error: {ex.Message}");
            return ExitCodes.UsageOrInputError;
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<ModelLoadException>().FirstOrDefault() is { } failed)
        {
            Console.Error.WriteLine($"textlens: error: {failed.Message}");
            return ExitCodes.UsageOrInputError;
        }
    }
}

/// <summary>A mistake in how the tool was called: printed without a stack trace, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
