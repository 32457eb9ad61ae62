// models/stance-polarity.md, thirty-third round: usage
//   dotnet build src/TextLens.Cli -c Release && dotnet fsi bench/polarity-doc-context.fsx MODELS-DIR DATA.jsonl OUT.tsv
// (reads TextLens.Core.dll of that Release build).
// Writes, for every row of DATA (a --cv-on file with `doc` and `prev`), the document context the polarity classifier and the
// negative stage read, computed as `train`/`eval` compute it (DocumentTone over the rows with the same doc in the file):
// id, doc, rows of the doc, doc:bad (centred and scaled as PolarityContext does), prev:bad, prev:vneg, the row's own bad-news
// count. It also prints the negative stage's and the classifier's change of log-odds of negative per unit of each feature.
#r "../src/TextLens.Cli/bin/Release/net10.0/TextLens.Core.dll"
open System
open System.IO
open System.Text.Json
open TextLens.Core.Analyzers.Stance

let args = fsi.CommandLineArgs |> Array.skip 1
if args.Length < 3 then
    eprintfn "usage: dotnet fsi bench/polarity-doc-context.fsx MODELS-DIR DATA.jsonl OUT.tsv"
    exit 2
let models, data, outPath = args.[0], args.[1], args.[2]
let lex = ValenceLexicon.Load(File.OpenRead(Path.Combine(models, "stance-valence-vader.tsv.gz")))
let load (name: string) = LinearStanceModel.Load(File.OpenRead(Path.Combine(models, name)))
let slot name =
    let struct (i, v) = StanceFeaturizer.WithContext(struct (([||]: int[]), ([||]: float32[])), ([| struct (name, 1.0f) |] :> Collections.Generic.IReadOnlyList<_>))
    i.[0], v.[0]
let logOdds (p: float[]) k = Math.Log(p.[k] / (1.0 - p.[k]))
for file in [ "stance-polarity-negative.tlsm"; "stance-polarity.tlsm" ] do
    let m = load file
    let k = m.ClassIndex "negative"
    for name in [ PolarityContext.DocumentFeature; "prev:bad"; "prev:vneg" ] do
        let (s, v) = slot name
        let p0 = m.Predict(ReadOnlySpan<int>([||]), ReadOnlySpan<float32>([||]))
        let p1 = m.Predict(ReadOnlySpan<int>([| s |]), ReadOnlySpan<float32>([| v |]))
        printfn "%s: %s log-odds of negative %+.3f per unit" file name (logOdds p1 k - logOdds p0 k)

let rows = File.ReadAllLines(data) |> Array.map (fun l -> JsonDocument.Parse(l).RootElement)
let get (e: JsonElement) (k: string) =
    match e.TryGetProperty(k) with
    | true, v when v.ValueKind = JsonValueKind.String -> v.GetString()
    | _ -> null
let tone (t: string) =
    let toks = Collections.Generic.List<TextLens.Core.Parsing.Token>()
    TextLens.Core.Parsing.Tokenizer.Tokenize(t, TextLens.Core.Text.TextSpan(0, t.Length), toks)
    let struct (bad, neg) = DocumentTone.SentenceTone(DocumentTone.Words(ReadOnlySpan<TextLens.Core.Parsing.Token>(toks.ToArray())), lex)
    bad, neg
let out = new StreamWriter(outPath)
for (d, rs) in rows |> Array.filter (fun r -> not (isNull (get r "doc"))) |> Array.groupBy (fun r -> get r "doc") do
    let texts = rs |> Array.map (fun r -> get r "text")
    let doc = DocumentTone.OfTexts(texts)
    for k in 0 .. rs.Length - 1 do
        let own = tone texts.[k]
        let m = doc.OthersMean(lex, struct (fst own, snd own))
        let db = if m.HasValue then (let struct (b, _) = m.Value in (b - 0.06) * 5.0) else nan
        let pv = get rs.[k] "prev"
        let (pb, pn) = if String.IsNullOrEmpty pv then (nan, nan) else tone pv
        out.WriteLine(sprintf "%s\t%s\t%d\t%.5f\t%.5f\t%.5f\t%.5f" (get rs.[k] "id") d rs.Length db pb pn (fst own))
out.Close()
