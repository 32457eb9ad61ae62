using System.CommandLine;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval': scores the same code 'report' runs against a labelled JSONL set, with metrics
/// computed exactly as the reference scorers compute them. Each task registers its own subcommand.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate an analyzer on a labelled JSONL data set.");
        foreach (Command sub in Subcommands())
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return EvalKeyphrasesCommand.Create();
        yield return EvalClustersCommand.Create();
        yield return EvalStanceCommand.Create();
        yield return EvalSummariesCommand.Create();
        yield return EvalFindingsCommand.Create();
    }
}
