using SharpFuzz;
using TextLens.Fuzz;

// Usage: dotnet TextLens.Fuzz.dll TARGET          (under afl-fuzz, via bench/fuzz/run.sh)
//        dotnet TextLens.Fuzz.dll TARGET FILE...  (replay inputs, e.g. a crash found, without the fuzzer)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out Action<byte[]>? target))
{
    Console.Error.WriteLine($"usage: TextLens.Fuzz TARGET [FILE...]; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
    return 2;
}

if (args.Length > 1)
{
    foreach (string file in args[1..])
    {
        target(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: ok");
    }

    return 0;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
