using System.Reflection;
using System.Reflection.Emit;
using TextLens.Core.Text;
using TextLens.Training.Evaluation;

namespace TextLens.Cli.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, bottom first: a namespace may use its own layer and the layers below
/// it, never one above. Checked over the compiled assemblies: every type's signatures (base type, interfaces,
/// fields, properties, parameters, return types) and every type, method and field its method bodies touch (IL).
/// </summary>
public sealed class LayerTests
{
    /// <summary>Namespace prefixes, bottom layer first. A namespace belongs to the longest prefix that matches it.</summary>
    public static readonly string[][] Layers =
    [
        ["TextLens.Core.Text", "TextLens.Core.Globbing"],
        ["TextLens.Core.Models"],
        ["TextLens.Core.Parsing"],
        ["TextLens.Core.Features", "TextLens.Core.Language"],
        ["TextLens.Core.Analysis"],
        ["TextLens.Core.Loading", "TextLens.Core.Corpus"],
        ["TextLens.Core.Analyzers"],
        ["TextLens.Core.Reporting"],
        ["TextLens.Training"],
        ["TextLens.Cli"],
    ];

    /// <summary>
    /// Known references upward, each to be removed by the change that fixes it; the test also fails when a listed
    /// one no longer occurs, so the list only shrinks. ModelSet (issue 11) gathers every layer's models in one
    /// object; parsing should see only its tagger through an interface of its own (issue 12).
    /// </summary>
    private static readonly string[] Known =
    [
        "TextLens.Core.Features (ModelSet) uses TextLens.Core.Analyzers.Stance (LinearStanceModel)",
        "TextLens.Core.Features (ModelSet) uses TextLens.Core.Analyzers.Stance (StanceTagger)",
        "TextLens.Core.Features (ModelSet) uses TextLens.Core.Analyzers.Stance (ValenceLexicon)",
    ];

    private static readonly Assembly[] Assemblies = [typeof(SourceText).Assembly, typeof(ClusterMetrics).Assembly, typeof(Program).Assembly];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void Every_namespace_of_TextLens_is_in_a_layer()
    {
        string[] unplaced = [.. Assemblies.SelectMany(a => a.GetTypes()).Select(t => t.Namespace ?? "").Distinct()
            .Where(ns => ns.StartsWith("TextLens.", StringComparison.Ordinal) && LayerOf(ns) < 0).Order(StringComparer.Ordinal)];
        Assert.True(unplaced.Length == 0, "namespaces in no layer (add them to LayerTests.Layers and docs/architecture.md): " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_namespace_uses_a_layer_above_it()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Type type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            int layer = LayerOf(type.Namespace ?? "");
            if (layer < 0)
            {
                continue;
            }

            foreach (Type used in Uses(type))
            {
                int usedLayer = LayerOf(used.Namespace ?? "");
                if (usedLayer > layer)
                {
                    violations.Add($"{type.Namespace} ({Name(type)}) uses {used.Namespace} ({Name(used)})");
                }
            }
        }

        string[] fixedSince = [.. Known.Where(k => !violations.Contains(k))];
        violations.ExceptWith(Known);
        Assert.True(violations.Count == 0, "layer violations:\n" + string.Join("\n", violations));
        Assert.True(fixedSince.Length == 0, "fixed, remove from LayerTests.Known:\n" + string.Join("\n", fixedSince));
    }

    [Fact]
    public void The_check_sees_references_in_method_bodies()
    {
        // A body-only reference (no signature mentions it): the IL scan must find it.
        Type[] used = [.. Uses(typeof(BodyOnlyReference))];
        Assert.Contains(typeof(SourceText), used);
        Assert.Equal(Layers.Length - 1, LayerOf("TextLens.Cli.Commands"));
        Assert.Equal(0, LayerOf("TextLens.Core.Text"));
        Assert.Equal(-1, LayerOf("TextLens.Core.Textual"));
    }

    public static int LayerOf(string ns)
    {
        for (int i = Layers.Length - 1; i >= 0; i--)
        {
            if (Layers[i].Any(p => ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Name(Type t) => t.DeclaringType is { } outer && t.Name.StartsWith('<') ? Name(outer) : t.Name;

    private static IEnumerable<Type> Uses(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            while (t is not null && (t.IsArray || t.IsByRef || t.IsPointer))
            {
                t = t.GetElementType();
            }

            if (t is null || t.IsGenericParameter || !found.Add(t))
            {
                return;
            }

            if (t.IsGenericType)
            {
                foreach (Type a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (Type i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (FieldInfo f in type.GetFields(all))
        {
            Add(f.FieldType);
        }

        foreach (PropertyInfo p in type.GetProperties(all))
        {
            Add(p.PropertyType);
        }

        foreach (MethodBase m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (ParameterInfo p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (Type t in BodyReferences(m))
            {
                Add(t);
            }
        }

        return found;
    }

    /// <summary>The types, and the declaring types of the methods and fields, that a method's IL refers to.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int pos = 0;
        while (pos < il.Length)
        {
            short value = il[pos] == 0xFE && pos + 1 < il.Length ? (short)(0xFE00 | il[pos + 1]) : il[pos];
            pos += value > 0xFF || value < 0 ? 2 : 1;
            OpCode op = OpCodesByValue[value];
            int size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, pos)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                int token = BitConverter.ToInt32(il, pos);
                MemberInfo? member = Resolve(method.Module, token, typeArgs, methodArgs);
                if (member is Type t)
                {
                    yield return t;
                }
                else if (member?.DeclaringType is { } declaring)
                {
                    yield return declaring;
                    if (member is MethodInfo called)
                    {
                        yield return called.ReturnType;
                    }
                    else if (member is FieldInfo field)
                    {
                        yield return field.FieldType;
                    }
                }
            }

            pos += size;
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        try
        {
            return module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static class BodyOnlyReference
    {
        public static int Length() => SourceText.From("abc").Length;
    }
}
