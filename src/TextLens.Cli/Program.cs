using System.CommandLine;
using TextLens.Cli.Commands;
using TextLens.Core.Features;
using TextLens.Core.Reporting;

namespace TextLens.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("TextLens: a Roslyn-style analyzer for English prose (keyword salience, themes, stance, diagnostics).");
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
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
