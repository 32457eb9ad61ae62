using System.CommandLine;

namespace TextLens.Cli.Commands;

/// <summary>'textlens train': builds the run-time models in models/ from their sources, reproducibly.</summary>
public static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("train", "Build a run-time model or table for models/ from its source data.");
        command.Subcommands.Add(TrainBackgroundCommand.Create(context));
        command.Subcommands.Add(TrainPosCommand.Create(context));
        command.Subcommands.Add(TrainStanceCommand.Create(context));
        return command;
    }
}
