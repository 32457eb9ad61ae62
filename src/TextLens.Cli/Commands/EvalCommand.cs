using System.CommandLine;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval': scores the same code 'report' runs against a labelled JSONL set, with metrics
/// computed exactly as the reference scorers compute them. Each task registers its own subcommand.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Evaluate an analyzer on a labelled JSONL data set.");
        foreach (Command sub in Subcommands(context))
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static IEnumerable<Command> Subcommands(CliContext context)
    {
        yield return EvalKeyphrasesCommand.Create(context);
        yield return EvalClustersCommand.Create(context);
        yield return EvalStanceCommand.Create(context);
        yield return EvalSummariesCommand.Create(context);
        yield return EvalFindingsCommand.Create(context);
    }
}
