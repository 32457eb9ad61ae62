using System.Numerics;

namespace TextLens.Core.Globbing;

/// <summary>
/// A glob compiled to a Thompson automaton and run as a set-of-states simulation: every reachable state is
/// advanced one character at a time, so a match costs O(path length × states) with no backtracking.
/// An integer range consumes a run of digits at once; runs are at most <see cref="MaxNumberLength"/> long,
/// so a small ring of future state sets is enough.
/// </summary>
internal sealed class GlobProgram
{
    public static readonly GlobProgram Never = Compile(new GlobNode.Never());

    private const int MaxNumberLength = 20;

    private readonly Instruction[] _code;
    private readonly CharSet[] _sets;
    private readonly (long Low, long High)[] _numbers;
    private readonly int _words;

    private GlobProgram(Instruction[] code, CharSet[] sets, (long, long)[] numbers)
    {
        _code = code;
        _sets = sets;
        _numbers = numbers;
        _words = (code.Length + 63) / 64;
    }

    private enum Op : byte
    {
        Char,
        AnyButSlash,
        AnyChar,
        Class,
        Number,
        Split,
        Jump,
        Match,
        Fail,
    }

    public static GlobProgram Compile(GlobNode root)
    {
        var builder = new Builder();
        builder.Emit(root);
        builder.Add(new Instruction(Op.Match));
        return new GlobProgram([.. builder.Code], [.. builder.Sets], [.. builder.Numbers]);
    }

    public bool IsMatch(ReadOnlySpan<char> path)
    {
        const int Slots = MaxNumberLength + 1;
        Scratch scratch = Scratch.For(_words);
        ulong[][] ring = scratch.Ring;
        Stack<int> stack = scratch.Stack;
        AddClosure(ring[0], 0, stack);
        for (int i = 0; ; i++)
        {
            ulong[] current = ring[i % Slots];
            if (i == path.Length)
            {
                return Contains(current, _code.Length - 1);
            }

            bool any = false;
            char c = path[i];
            for (int w = 0; w < _words; w++)
            {
                ulong bits = current[w];
                while (bits != 0)
                {
                    int pc = (w * 64) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    any = true;
                    Instruction ins = _code[pc];
                    bool advance = ins.Op switch
                    {
                        Op.Char => c == ins.Char,
                        Op.AnyButSlash => c != '/',
                        Op.AnyChar => true,
                        Op.Class => _sets[ins.X].Matches(c),
                        _ => false,
                    };
                    if (advance)
                    {
                        AddClosure(ring[(i + 1) % Slots], pc + 1, stack);
                    }
                    else if (ins.Op == Op.Number)
                    {
                        foreach (int length in NumberLengths(path[i..], _numbers[ins.X]))
                        {
                            AddClosure(ring[(i + length) % Slots], pc + 1, stack);
                        }
                    }
                }
            }

            Array.Clear(current, 0, _words);
            if (!any && !AnyPending(ring, _words))
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The state sets of one thread's matches, reused from match to match (a match allocated 22 objects, which
    /// dominated running many small globs over a path), cleared on every use. Grown to the largest program seen.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        private Scratch(int words)
        {
            Ring = new ulong[MaxNumberLength + 1][];
            for (int s = 0; s < Ring.Length; s++)
            {
                Ring[s] = new ulong[words];
            }
        }

        public ulong[][] Ring { get; }

        public Stack<int> Stack { get; } = new();

        public static Scratch For(int words)
        {
            Scratch? scratch = _current;
            if (scratch is null || scratch.Ring[0].Length < words)
            {
                return _current = new Scratch(words);
            }

            foreach (ulong[] set in scratch.Ring)
            {
                Array.Clear(set, 0, words);
            }

            scratch.Stack.Clear();
            return scratch;
        }
    }

    /// <summary>The lengths of the prefixes of the text that are integers in the range, written without leading zeros.</summary>
    private static IEnumerable<int> NumberLengths(ReadOnlySpan<char> text, (long Low, long High) range)
    {
        var lengths = new List<int>(2);
        int sign = text.Length > 0 && text[0] == '-' ? 1 : 0;
        int digits = 0;
        while (sign + digits < text.Length && digits < MaxNumberLength - 1 && char.IsAsciiDigit(text[sign + digits]))
        {
            digits++;
        }

        for (int d = 1; d <= digits; d++)
        {
            ReadOnlySpan<char> number = text.Slice(sign, d);
            if ((d > 1 && number[0] == '0') || (sign == 1 && d == 1 && number[0] == '0'))
            {
                break;
            }

            if (long.TryParse(text[..(sign + d)], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long value)
                && value >= range.Low && value <= range.High)
            {
                lengths.Add(sign + d);
            }
        }

        return lengths;
    }

    private static bool AnyPending(ulong[][] ring, int words)
    {
        foreach (ulong[] set in ring)
        {
            if (set.AsSpan(0, words).IndexOfAnyExcept(0UL) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ulong[] set, int pc) => (set[pc >> 6] & (1UL << (pc & 63))) != 0;

    /// <summary>Adds a state and everything reachable from it without consuming a character.</summary>
    private void AddClosure(ulong[] set, int start, Stack<int> stack)
    {
        stack.Push(start);
        while (stack.Count > 0)
        {
            int pc = stack.Pop();
            if (Contains(set, pc))
            {
                continue;
            }

            set[pc >> 6] |= 1UL << (pc & 63);
            Instruction ins = _code[pc];
            switch (ins.Op)
            {
                case Op.Jump:
                    stack.Push(ins.X);
                    break;
                case Op.Split:
                    stack.Push(ins.Y);
                    stack.Push(ins.X);
                    break;
            }
        }
    }

    private readonly record struct Instruction(Op Op, char Char = '\0', int X = 0, int Y = 0);

    private sealed class Builder
    {
        public List<Instruction> Code { get; } = [];

        public List<CharSet> Sets { get; } = [];

        public List<(long, long)> Numbers { get; } = [];

        public int Add(Instruction instruction)
        {
            Code.Add(instruction);
            return Code.Count - 1;
        }

        public void Emit(GlobNode node)
        {
            switch (node)
            {
                case GlobNode.Literal l:
                    Add(new Instruction(Op.Char, l.Char));
                    break;
                case GlobNode.AnyChar:
                    Add(new Instruction(Op.AnyButSlash));
                    break;
                case GlobNode.Class k:
                    Sets.Add(k.Set);
                    Add(new Instruction(Op.Class, X: Sets.Count - 1));
                    break;
                case GlobNode.Number n:
                    Numbers.Add((n.Low, n.High));
                    Add(new Instruction(Op.Number, X: Numbers.Count - 1));
                    break;
                case GlobNode.Star s:
                    // loop: split(body, out); body: any; jump loop; out:
                    int loop = Add(default);
                    Add(new Instruction(s.CrossesFolders ? Op.AnyChar : Op.AnyButSlash));
                    Add(new Instruction(Op.Jump, X: loop));
                    Code[loop] = new Instruction(Op.Split, X: loop + 1, Y: Code.Count);
                    break;
                case GlobNode.Optional o:
                    int split = Add(default);
                    Emit(o.Item);
                    Code[split] = new Instruction(Op.Split, X: split + 1, Y: Code.Count);
                    break;
                case GlobNode.Sequence seq:
                    foreach (GlobNode item in seq.Items)
                    {
                        Emit(item);
                    }

                    break;
                case GlobNode.Alternatives alt:
                    EmitAlternatives(alt.Branches);
                    break;
                case GlobNode.Never:
                    Add(new Instruction(Op.Fail));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown glob node {node.GetType().Name}.");
            }
        }

        private void EmitAlternatives(IReadOnlyList<GlobNode> branches)
        {
            var jumps = new List<int>();
            for (int b = 0; b < branches.Count; b++)
            {
                int split = b < branches.Count - 1 ? Add(default) : -1;
                Emit(branches[b]);
                if (split >= 0)
                {
                    jumps.Add(Add(default));
                    Code[split] = new Instruction(Op.Split, X: split + 1, Y: Code.Count);
                }
            }

            foreach (int j in jumps)
            {
                Code[j] = new Instruction(Op.Jump, X: Code.Count);
            }
        }
    }
}
