using System.IO.Abstractions;
using System.CommandLine;
using System.Globalization;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Models;
using TextLens.Training.Evaluation;
using TextLens.Training;
using TextLens.Core.Features;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens train stance': trains the polarity or subjectivity model of the stance tagger with ML.NET
/// (reproducible: fixed seed, one thread) and optionally reports grouped k-fold cross-validation.
/// </summary>
public static class TrainStanceCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var axis = new Option<string>("--axis") { Description = "polarity, subjectivity or epistemic (the 4-way tag; hedged, attributed and prescriptive are its classes).", Required = true };
        var data = new Option<string[]>("--data") { Description = "Training JSON Lines (id, text, label; a row without label is read from the field named after --axis, as in files labelled on every axis); several allowed. Only use data whose licence allows shipping the model.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Model file to write (e.g. models/stance-polarity.tlsm).", Required = true };
        var weights = new Option<double[]>("--weights") { Description = "Training weight of each --data file's items, in the order of --data (default 1 each).", AllowMultipleArgumentsPerToken = true };
        var dropLabel = new Option<string[]>("--drop-label") { Description = "FILE=LABEL: leave out the rows of the --data file FILE whose gold label is LABEL (a class of --axis), e.g. a file whose annotators read that class by another convention; other files and labels are untouched. Several allowed.", AllowMultipleArgumentsPerToken = true };
        var keepRows = new Option<string[]>("--keep-rows") { Description = "FILE=FIELD:VALUE: of the --data file FILE keep only the rows whose string field FIELD equals VALUE (e.g. data/stance/crs_more.jsonl=polarity_file:positive); other files are untouched; applied before --drop-label. Several allowed (a row is kept if it matches each of its file's). The fingerprint lists only the rows trained on.", AllowMultipleArgumentsPerToken = true };
        var inDomain = new Option<string[]>("--in-domain") { Description = "The --data files of analysis prose. With other --data files beside them, polarity and subjectivity train a genre blend: the model, a model of the other files alone (<name>-other.tlsm) and a gate of analysis versus other prose (<name>-genre.tlsm).", AllowMultipleArgumentsPerToken = true };
        var classBalance = new Option<double>("--class-balance") { Description = "Weigh each class's rows by (largest class / class)^this (0: off).", DefaultValueFactory = _ => new StanceTrainingOptions().ClassBalance };
        var classBalanceInDomain = new Option<bool>("--class-balance-by-genre") { Description = "Polarity with --in-domain: the analysis-prose rows are balanced by --class-balance against the analysis-prose class counts alone; the other rows, the genre gate and the ordinal rating model keep the pooled balance (tried, not shipped: models/stance-polarity.md)." };
        var cvPredictions = new Option<string?>("--cv-predictions") { Description = "Write the held-out cross-validation predictions ({id, label, gold, confidence}; with a genre blend also the parts: p_analysis, p_other, p_genre_analysis) to this JSONL file." };
        var cvOn = new Option<string?>("--cv-on") { Description = "Report grouped k-fold cross-validation on this file (one of --data); the other --data files stay in every training fold, except their rows of the documents the held-out fold scores (rows with the doc of a held-out row). Epistemic: the temperature that calibrates the shipped model is fitted on its out-of-fold predictions." };
        var folds = new Option<int>("--folds") { Description = "Folds for --cv-on.", DefaultValueFactory = _ => 5 };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation weight.", DefaultValueFactory = _ => new StanceTrainingOptions().L2 };
        var l1 = new Option<float>("--l1") { Description = "L1 regularisation weight.", DefaultValueFactory = _ => new StanceTrainingOptions().L1 };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var regression = new Option<bool>("--regression") { Description = "Polarity only: fit an SDCA regressor of the gold score instead of the 3-class model (tried; not shipped, see models/stance-polarity.md)." };
        var agreement = new Option<double>("--agreement-weighting") { Description = "Polarity only: an item with rating_sd sd weighs (1 + c) / (c + sd^2); 0 turns it off.", DefaultValueFactory = _ => new StanceTrainingOptions().AgreementWeighting };
        var labelConfidence = new Option<bool>("--label-confidence-weighting") { Description = "Polarity only: weigh each item also by the probability that its label is right given rater noise (uses score and rating_sd).", DefaultValueFactory = _ => new StanceTrainingOptions().LabelConfidenceWeighting };
        var ratingL2 = new Option<float>("--rating-l2") { Description = "Polarity only: L2 weight of the rating regressor.", DefaultValueFactory = _ => new StanceTrainingOptions().RatingL2 };
        var ruleLabelled = new Option<string[]>("--rule-labelled") { Description = "Epistemic only: JSON Lines of other genres whose texts are labelled by the cue rules and added to every training fold (their labels are ignored).", AllowMultipleArgumentsPerToken = true };
        var ruleWeight = new Option<double>("--rule-labelled-weight") { Description = "Training weight of each --rule-labelled item.", DefaultValueFactory = _ => 1 };
        var classOffsets = new Option<bool>("--class-offsets") { Description = "Epistemic with --cv-on: after the temperature, shift each class's logit by the offset that maximises the out-of-fold macro-F1 (per-class thresholds), folded into the model." };
        var gateSharpness = new Option<double>("--gate-sharpness") { Description = "With --in-domain: scale the genre gate's logit by this (above 1: each sentence is read mostly by its likelier genre's model).", DefaultValueFactory = _ => 1 };
        var gateShift = new Option<double>("--gate-shift") { Description = "With --in-domain: shift the genre gate's logit of analysis prose down by this before --gate-sharpness.", DefaultValueFactory = _ => 0 };
        var polarityTemperature = new Option<double>("--temperature") { Description = "Polarity only: divide the classifier's logits by this (below 1 sharpens its confidences; the labels stay), in every cross-validation fold and the shipped model.", DefaultValueFactory = _ => new StanceTrainingOptions().Temperature };
        var polarVocabulary = new Option<string?>("--polar-vocabulary") { Description = "Polarity only: the classifier also reads named features of an in-domain polar vocabulary (smoothed log-odds of negative and positive versus neutral per word and word pair), built from the --in-domain rows of the training folds only, of the sentence's terms (sentence), the previous sentence's (previous) or both; written next to --out as <name>-vocabulary.tsv (tried, not shipped: models/stance-polarity.md)." };
        var documentContext = new Option<bool>("--document-context") { Description = "Polarity and epistemic: the classifier also reads the row's document (the rows with the same doc; in 'report' the document's sentences), computed from their text: for polarity the mean bad-news count of the other sentences (the shipped model's setting: models/stance-polarity.md); for epistemic the document's hedge, attribution, prescription and law cue rates over its other sentences and whether a question stands in a run opened by a lead-in (tried, not shipped: models/stance-epistemic.md)." };
        var outcomeFrames = new Option<bool>("--outcome-frames") { Description = "Polarity only: the classifier also reads the frames of the sentence's polar words and budget changes (a positive word as a purpose or as a realised outcome; a budget level going up or down): models/stance-polarity.md." };
        var embeddings = new Option<string?>("--embeddings") { Description = "Polarity only: 'both', 'classifier' or 'other': the classifier, the other-genre model of its blend, or both also read the sentence's static embedding (models/embeddings-minilm.bin: token vectors distilled from all-MiniLM-L6-v2, IDF-weighted)." };
        var embeddingWords = new Option<string?>("--embedding-words") { Description = "With --embeddings: 'all' (the default) or 'common': the embedding of every word, or only of the words outside names (capitalised words that do not open the sentence), which carry the topic rather than the tone." };
        var sourceStance = new Option<bool>("--source-stance") { Description = "Polarity only: the classifier also reads the stance of the sentence's sources ('Supporters claim', 'Critics argue') and the progress it reports ('will accelerate this program'), pooled per kind (tried, not shipped: models/stance-polarity.md)." };
        var goodNews = new Option<bool>("--good-news") { Description = "Polarity only: the classifier also reads the sentence's realised good outcomes ('achieved', 'exceeding projections', 'remain on track'), supporters' views ('Supporters claim', 'Others say') and described features ('equipped with'), pooled per kind (the shipped model's setting since the eighteenth round: models/stance-polarity.md)." };
        var noPrevious = new Option<bool>("--no-previous") { Description = "Polarity only: the classifier does not read the previous sentence's bad news (read since the sixth version; flag 256 in the file, so 'report' and 'eval stance' leave it out too): models/stance-polarity.md, eighteenth round." };
        var clauses = new Option<string?>("--clauses") { Description = "Polarity only: the classifier also reads the valence of the sentence's clause parts: 'concession' (the part a concession or a contrast concedes, 'Although improvements have been made…', and the main clause; flag 512 in the file) or 'all' (also the part a condition sets up, 'If …'; flag 1024). Tried in the nineteenth round (models/stance-polarity.md)." };
        var rowsOnly = new Option<bool>("--rows-only") { Description = "Write only the fingerprint of the --data rows the model would be trained on (<name>.rows next to --out, which every training also writes; 'eval stance' reads it to flag an in-sample fit), without training." };
        var clauseWords = new Option<bool>("--clause-words") { Description = "Polarity only: the classifier also reads the words of the sentence's conceded part ('Although improvements have been made…'; what precedes a 'but') and of its conditional part ('If …') as features of their own, apart from the main clause's (flag 2048 in the file). Tried in the twentieth round (models/stance-polarity.md)." };
        var noOrdinal = new Option<bool>("--no-ordinal") { Description = "Polarity only: leave out the ordinal rating model (for screening runs: the labels and confidences do not depend on it, the score does)." };
        var gateL2 = new Option<float?>("--gate-l2") { Description = "With --in-domain: L2 weight of the genre gate (default: --l2)." };
        var gateL1 = new Option<float?>("--gate-l1") { Description = "With --in-domain: L1 weight of the genre gate (default: --l1)." };
        var secondStage = new Option<bool>("--second-stage") { Description = "Epistemic only: stack boosted trees (ML.NET FastTree, one-vs-rest) on the linear model, over its out-of-fold class scores (inner folds grouped by document), the cue strengths and the named features; written next to --out as <name>-trees.tlet (models/stance-epistemic.md)." };
        var polarityTrees = new Option<bool>("--polarity-trees") { Description = "Polarity only: a second stage of boosted trees (ML.NET FastTree, residual, one ensemble per class) over the blend's out-of-fold probabilities (inner folds grouped by document) and a small dense vector of the sentence (valence sums, negators, clause parts, attribution and quotation, heading, length, the named context features); sized by --trees, --tree-leaves, --tree-learning-rate, --tree-min-leaf, --tree-min-count; written next to --out as <name>-trees.tlpt (models/stance-polarity.md, twenty-first round)." };
        var treesAnalysis = new Option<bool>("--trees-analysis") { Description = "With --polarity-trees and --in-domain: the trees are fitted on the analysis-prose rows with a document only, class-balanced against those rows' counts; they read a sentence only with its document (without one the blend decides) and are mixed with the blend by the genre gate (models/stance-polarity.md, twenty-second round)." };
        var treesOffsets = new Option<bool>("--trees-offsets") { Description = "With --trees-analysis: per-class log-offsets of the label, fitted for macro-F1 on the inner out-of-fold readings of the training rows (never on a held-out fold), stored in the trees file." };
        var trees = new Option<int>("--trees") { Description = "With --second-stage or --polarity-trees: trees per class.", DefaultValueFactory = _ => new SecondStageOptions().Trees };
        var treeLeaves = new Option<int>("--tree-leaves") { Description = "With --second-stage or --polarity-trees: leaves per tree at most.", DefaultValueFactory = _ => new SecondStageOptions().Leaves };
        var treeRate = new Option<double>("--tree-learning-rate") { Description = "With --second-stage or --polarity-trees: the shrinkage of each tree.", DefaultValueFactory = _ => new SecondStageOptions().LearningRate };
        var treeMinLeaf = new Option<int>("--tree-min-leaf") { Description = "With --second-stage or --polarity-trees: training rows per leaf at least.", DefaultValueFactory = _ => new SecondStageOptions().MinLeaf };
        var treeMinCount = new Option<int>("--tree-min-count") { Description = "With --second-stage or --polarity-trees: a named feature is an input when at least this many people-labelled training rows have it.", DefaultValueFactory = _ => new SecondStageOptions().MinCount };
        var treeRuleWeight = new Option<double>("--tree-rule-weight") { Description = "With --second-stage: the rule-labelled rows' weight in the trees relative to the linear stage's (0: left out).", DefaultValueFactory = _ => new SecondStageOptions().RuleWeight };
        var treeResidual = new Option<bool>("--tree-residual") { Description = "With --second-stage: each class's trees are regression trees of the Newton step from the linear model's log-odds (LogitBoost's working response) and add to them, instead of binary classifiers whose scores replace them." };
        var stackCache = new Option<string?>("--stack-cache") { Description = "With --second-stage or --polarity-trees (screening): keep the first stage's inner out-of-fold scores in files with this prefix and reuse them (valid only for the same data and linear settings)." };
        var negativeStage = new Option<string[]>("--negative-stage") { Description = "Polarity with --in-domain: also train a negative-vs-rest stage (<name>-negative.tlsm) on the --in-domain rows plus these files' rows (which train nothing else; their positive rows count as not negative), each row weighing 1, class-balanced by --class-balance; read for analysis prose with its document, mixed with the blend's P(negative) by the genre gate (tried: models/stance-polarity.md, twenty-fourth round).", AllowMultipleArgumentsPerToken = true };
        var negativeNeutralOnly = new Option<bool>("--negative-stage-neutral-only") { Description = "With --negative-stage: where the stage lowers P(negative), the freed probability goes to neutral alone (positive keeps its own); stored in the stage's file (tried: models/stance-polarity.md, twenty-eighth round)." };
        var negativeNeutralWhereNegative = new Option<bool>("--negative-stage-neutral-where-negative") { Description = "With --negative-stage: where the stage lowers P(negative) of a sentence the blend read negative, the freed probability goes to neutral alone (elsewhere neutral and positive share it in their ratio); stored in the stage's file (models/stance-polarity.md, twenty-ninth round)." };
        var negativeLowerProspective = new Option<bool>("--negative-stage-lower-prospective") { Description = "With --negative-stage: the stage lowers P(negative) only where the sentence is prospective, hypothetical or proposed (a modal, a condition, a proposal or intent word, a question); it raises P(negative) anywhere; stored in the stage's file (models/stance-polarity.md, twenty-ninth round)." };
        var negativeKeepPositive = new Option<bool>("--negative-stage-keep-positive") { Description = "With --negative-stage: a sentence the blend read positive is left to the blend (the stage's 'rest' merges neutral and positive); stored in the stage's file (models/stance-polarity.md, thirtieth round)." };
        var negativeGateSquared = new Option<bool>("--negative-stage-gate-squared") { Description = "With --negative-stage: the stage is mixed in by the square of the genre gate's probability of analysis prose instead of the probability; stored in the stage's file (tried: models/stance-polarity.md, twenty-eighth round)." };
        var negativeWithoutDocument = new Option<bool>("--negative-stage-without-document") { Description = "With --negative-stage: the stage is trained and applied without the document's bad news (doc:bad; the classifier still reads it with --document-context); stored in the stage's file (models/stance-polarity.md, thirty-third round)." };
        var command = new Command("stance", "Train the polarity or subjectivity model of the stance tagger with ML.NET (L-BFGS maximum entropy; for polarity also the SDCA rating regressor, written next to --out as <name>-rating.tlsm and <name>-ordinal.tlsm).") { axis, data, weights, keepRows, dropLabel, inDomain, clauses, clauseWords, classBalance, classBalanceInDomain, cvPredictions, output, cvOn, folds, l2, l1, seed, regression, agreement, labelConfidence, ratingL2, ruleLabelled, ruleWeight, classOffsets, gateSharpness, gateShift, gateL2, gateL1, polarityTemperature, polarVocabulary, documentContext, outcomeFrames, sourceStance, goodNews, noPrevious, embeddings, embeddingWords, noOrdinal, rowsOnly, secondStage, polarityTrees, treesAnalysis, treesOffsets, trees, treeLeaves, treeRate, treeMinLeaf, treeMinCount, treeRuleWeight, stackCache, treeResidual, negativeStage, negativeNeutralOnly, negativeGateSquared, negativeNeutralWhereNegative, negativeLowerProspective, negativeKeepPositive, negativeWithoutDocument };
        command.SetAction(parse =>
        {
            StanceAxis a = EvalStanceCommand.ParseAxis(parse.GetValue(axis)!);
            if (a is not (StanceAxis.Polarity or StanceAxis.Subjectivity or StanceAxis.Epistemic))
            {
                throw new UsageException($"the {a.ToString().ToLowerInvariant()} axis is one class of the epistemic tag: train --axis epistemic.");
            }

            IFileInfo[] files = [.. parse.GetValue(data)!.Select(context.FileSystem.FileInfo.New)];
            foreach (IFileInfo f in files)
            {
                DataFiles.RequireFile(context.FileSystem, f.FullName);
            }

            if (parse.GetValue(regression) && a != StanceAxis.Polarity)
            {
                throw new UsageException("--regression applies to the polarity axis only.");
            }

            var options = new StanceTrainingOptions { L2 = parse.GetValue(l2), L1 = parse.GetValue(l1), Seed = parse.GetValue(seed), Folds = parse.GetValue(folds), Regression = parse.GetValue(regression), AgreementWeighting = parse.GetValue(agreement), LabelConfidenceWeighting = parse.GetValue(labelConfidence), RatingL2 = parse.GetValue(ratingL2), ClassBalance = parse.GetValue(classBalance), ClassBalanceByGenre = parse.GetValue(classBalanceInDomain), ClassOffsets = parse.GetValue(classOffsets), GateSharpness = parse.GetValue(gateSharpness), GateShift = parse.GetValue(gateShift), GateL2 = parse.GetValue(gateL2), GateL1 = parse.GetValue(gateL1), Temperature = parse.GetValue(polarityTemperature), PolarVocabulary = parse.GetValue(polarVocabulary) switch
            {
                null => PolarVocabularyUse.None,
                "sentence" => PolarVocabularyUse.Sentence,
                "previous" => PolarVocabularyUse.Previous,
                "both" => PolarVocabularyUse.Sentence | PolarVocabularyUse.Previous,
                string other => throw new UsageException($"--polar-vocabulary takes sentence, previous or both, not '{other}'."),
            }, DocumentContext = parse.GetValue(documentContext), OutcomeFrames = parse.GetValue(outcomeFrames), SourceStance = parse.GetValue(sourceStance), GoodNews = parse.GetValue(goodNews), NoPrevious = parse.GetValue(noPrevious), Clauses = parse.GetValue(clauses) switch
            {
                null => ClauseParts.None,
                "concession" => ClauseParts.Concessions,
                "all" => ClauseParts.Concessions | ClauseParts.Conditions,
                string other => throw new UsageException($"--clauses takes concession or all, not '{other}'."),
            }, ClauseWords = parse.GetValue(clauseWords) };
            if ((options.PolarVocabulary != PolarVocabularyUse.None || options.OutcomeFrames || options.SourceStance || options.GoodNews || options.NoPrevious || options.Clauses != ClauseParts.None || options.ClauseWords || parse.GetValue(noOrdinal) || parse.GetValue(embeddings) is not null) && (a != StanceAxis.Polarity || options.Regression))
            {
                throw new UsageException("--polar-vocabulary, --outcome-frames, --source-stance, --good-news, --no-previous, --clauses, --clause-words, --embeddings and --no-ordinal apply to the polarity classifier only.");
            }

            if (options.DocumentContext && (a is not (StanceAxis.Polarity or StanceAxis.Epistemic) || options.Regression))
            {
                throw new UsageException("--document-context applies to the polarity and epistemic classifiers only.");
            }

            if (parse.GetValue(secondStage))
            {
                if (a != StanceAxis.Epistemic)
                {
                    throw new UsageException("--second-stage applies to the epistemic axis only.");
                }

                var stage = new SecondStageOptions(parse.GetValue(trees), parse.GetValue(treeLeaves), parse.GetValue(treeRate), parse.GetValue(treeMinLeaf), parse.GetValue(treeMinCount), parse.GetValue(treeRuleWeight), parse.GetValue(stackCache), parse.GetValue(treeResidual));
                if (stage.Trees < 1 || stage.Leaves < 2 || !(stage.LearningRate > 0) || !double.IsFinite(stage.LearningRate) || stage.MinLeaf < 1 || stage.MinCount < 1 || !(stage.RuleWeight >= 0) || !double.IsFinite(stage.RuleWeight))
                {
                    throw new UsageException("--trees, --tree-min-leaf and --tree-min-count must be at least 1, --tree-leaves at least 2, --tree-learning-rate positive and --tree-rule-weight not negative.");
                }

                options = options with { SecondStage = stage };
            }

            if (parse.GetValue(polarityTrees))
            {
                if (a != StanceAxis.Polarity || options.Regression || options.PolarVocabulary != PolarVocabularyUse.None)
                {
                    throw new UsageException("--polarity-trees applies to the polarity classifier only, without --polar-vocabulary.");
                }

                if (parse.GetValue(treesAnalysis) && parse.GetValue(inDomain) is not { Length: > 0 })
                {
                    throw new UsageException("--trees-analysis fits the trees on the analysis-prose rows: it needs --in-domain.");
                }

                var stage = new SecondStageOptions(parse.GetValue(trees), parse.GetValue(treeLeaves), parse.GetValue(treeRate), parse.GetValue(treeMinLeaf), parse.GetValue(treeMinCount), Cache: parse.GetValue(stackCache), Residual: true, AnalysisOnly: parse.GetValue(treesAnalysis), Offsets: parse.GetValue(treesOffsets));
                if (stage.Trees < 1 || stage.Leaves < 2 || !(stage.LearningRate > 0) || !double.IsFinite(stage.LearningRate) || stage.MinLeaf < 1 || stage.MinCount < 1)
                {
                    throw new UsageException("--trees, --tree-min-leaf and --tree-min-count must be at least 1, --tree-leaves at least 2 and --tree-learning-rate positive.");
                }

                options = options with { PolarityStack = stage };
            }

            if ((parse.GetValue(treesAnalysis) || parse.GetValue(treesOffsets)) && options.PolarityStack is null)
            {
                throw new UsageException("--trees-analysis and --trees-offsets apply with --polarity-trees only.");
            }

            if (parse.GetValue(treesOffsets) && !parse.GetValue(treesAnalysis))
            {
                throw new UsageException("--trees-offsets applies with --trees-analysis only.");
            }

            if (parse.GetValue(noOrdinal))
            {
                options = options with { OrdinalCuts = [] };
            }

            if (options.Temperature != 1 && (a != StanceAxis.Polarity || options.Regression || !(options.Temperature > 0) || !double.IsFinite(options.Temperature)))
            {
                throw new UsageException("--temperature applies to the polarity classifier only and must be a positive number.");
            }

            if (!(options.GateSharpness > 0) || !double.IsFinite(options.GateSharpness) || !double.IsFinite(options.GateShift))
            {
                throw new UsageException("--gate-sharpness must be a positive number and --gate-shift a finite one.");
            }
            ModelSet models = context.Models();
            ValenceLexicon lexicon = models.Valence;
            if (parse.GetValue(embeddings) is { } readers)
            {
                options = options with
                {
                    EmbeddingReaders = readers switch
                    {
                        "both" => EmbeddingReaders.Both,
                        "classifier" => EmbeddingReaders.Classifier,
                        "other" => EmbeddingReaders.Other,
                        _ => throw new UsageException($"--embeddings takes both, classifier or other, not '{readers}'."),
                    },
                    EmbeddingWithoutNames = parse.GetValue(embeddingWords) switch
                    {
                        null or "all" => false,
                        "common" => true,
                        string other => throw new UsageException($"--embedding-words takes all or common, not '{other}'."),
                    },
                    Embeddings = models.Embeddings,
                };
            }
            else if (parse.GetValue(embeddingWords) is not null)
            {
                throw new UsageException("--embedding-words needs --embeddings.");
            }
            double[] fileWeights = parse.GetValue(weights) ?? [];
            if (fileWeights.Length != 0 && (fileWeights.Length != files.Length || fileWeights.Any(w => !(w > 0) || double.IsInfinity(w))))
            {
                throw new UsageException($"--weights needs one positive weight per --data file ({files.Length}).");
            }

            IFileInfo[] analysisFiles = [.. (parse.GetValue(inDomain) ?? []).Select(f => context.FileSystem.FileInfo.New(f))];
            foreach (IFileInfo f in analysisFiles.Where(f => !files.Any(d => d.FullName == f.FullName)))
            {
                throw new UsageException($"--in-domain '{f.FullName}' must be one of the --data files.");
            }

            if (analysisFiles.Length != 0 && a == StanceAxis.Epistemic)
            {
                throw new UsageException("--in-domain applies to the polarity and subjectivity axes only.");
            }

            if (analysisFiles.Length == 0 && (options.GateSharpness != 1 || options.GateShift != 0 || options.GateL2 is not null || options.GateL1 is not null))
            {
                throw new UsageException("--gate-sharpness, --gate-shift, --gate-l2 and --gate-l1 shape the genre gate: they need --in-domain.");
            }

            if (options.ClassBalanceByGenre && (a != StanceAxis.Polarity || analysisFiles.Length == 0 || !(options.ClassBalance > 0)))
            {
                throw new UsageException("--class-balance-by-genre applies to the polarity axis with --in-domain and a positive --class-balance.");
            }

            if (options.GateL2 is < 0 || options.GateL1 is < 0 || (options.GateL2 is float g2 && !float.IsFinite(g2)) || (options.GateL1 is float g1 && !float.IsFinite(g1)))
            {
                throw new UsageException("--gate-l2 and --gate-l1 must be finite and not negative.");
            }

            var drops = new List<(string File, string Label)>();
            foreach (string spec in parse.GetValue(dropLabel) ?? [])
            {
                int eq = spec.LastIndexOf('=');
                if (eq <= 0 || eq == spec.Length - 1)
                {
                    throw new UsageException($"--drop-label takes FILE=LABEL, not '{spec}'.");
                }

                IFileInfo f = context.FileSystem.FileInfo.New(spec[..eq]);
                string label = spec[(eq + 1)..];
                if (!files.Any(d => d.FullName == f.FullName))
                {
                    throw new UsageException($"--drop-label '{f.FullName}' must be one of the --data files.");
                }

                if (!StanceTrainer.ClassesOf(a).Contains(StanceScorer.NormalizeLabel(label)))
                {
                    throw new UsageException($"--drop-label: '{label}' is not a class of the {StanceTrainer.AxisField(a)} axis ({string.Join(", ", StanceTrainer.ClassesOf(a))}).");
                }

                drops.Add((f.FullName, label));
            }

            var keeps = new List<(string File, string Field, string Value)>();
            foreach (string spec in parse.GetValue(keepRows) ?? [])
            {
                int eq = spec.LastIndexOf('=');
                int colon = eq < 0 ? -1 : spec.IndexOf(':', eq + 1);
                if (eq <= 0 || colon < 0 || colon == eq + 1 || colon == spec.Length - 1)
                {
                    throw new UsageException($"--keep-rows takes FILE=FIELD:VALUE, not '{spec}'.");
                }

                IFileInfo f = context.FileSystem.FileInfo.New(spec[..eq]);
                if (!files.Any(d => d.FullName == f.FullName))
                {
                    throw new UsageException($"--keep-rows '{f.FullName}' must be one of the --data files.");
                }

                keeps.Add((f.FullName, spec[(eq + 1)..colon], spec[(colon + 1)..]));
            }

            IReadOnlyList<StanceItem> Dropped(IFileInfo f, IReadOnlyList<StanceItem> items) =>
                drops.Where(d => d.File == f.FullName).Aggregate(
                    keeps.Where(k => k.File == f.FullName).Aggregate(items, (kept, k) => StanceTrainer.WithField(kept, k.Field, k.Value)),
                    (kept, d) => StanceTrainer.WithoutLabel(a, kept, d.Label));
            var sets = files.Select((f, k) => (File: f, Items: (IReadOnlyList<StanceItem>)[.. Dropped(f, ReadSet(context, f.FullName)).Select(i => i with { Weight = fileWeights.Length == 0 ? 1 : fileWeights[k], InDomain = analysisFiles.Any(d => d.FullName == f.FullName) })])).ToList();
            // The people-labelled rows, whose fingerprint goes beside the model (the rule-labelled files' labels are not people's).
            IFileInfo target = context.FileSystem.FileInfo.New(parse.GetValue(output)!);
            if (context.FileSystem.Directory.Exists(target.FullName))
            {
                throw new UsageException($"--out '{target.FullName}' is a folder: name the model file (e.g. models/stance-polarity.tlsm).");
            }

            string[] negativeFiles = parse.GetValue(negativeStage) ?? [];
            if (negativeFiles.Length == 0 && (parse.GetValue(negativeNeutralOnly) || parse.GetValue(negativeGateSquared) || parse.GetValue(negativeNeutralWhereNegative) || parse.GetValue(negativeLowerProspective) || parse.GetValue(negativeKeepPositive) || parse.GetValue(negativeWithoutDocument)))
            {
                throw new UsageException("--negative-stage-neutral-only, --negative-stage-gate-squared, --negative-stage-neutral-where-negative, --negative-stage-lower-prospective, --negative-stage-keep-positive and --negative-stage-without-document apply with --negative-stage only.");
            }

            if (negativeFiles.Length > 0)
            {
                if (a != StanceAxis.Polarity || options.Regression || analysisFiles.Length == 0)
                {
                    throw new UsageException("--negative-stage applies to the polarity classifier with --in-domain only.");
                }

                if (options.PolarVocabulary != PolarVocabularyUse.None || options.Embeddings is not null || options.PolarityStack is not null)
                {
                    throw new UsageException("--negative-stage does not combine with --polar-vocabulary, --embeddings or --polarity-trees.");
                }

                options = options with
                {
                    NegativeStage = [.. negativeFiles.SelectMany(f => ReadSet(context, context.FileSystem.FileInfo.New(f).FullName)).Select(i => i with { Weight = 1, InDomain = true })],
                    NegativeStageNeutralOnly = parse.GetValue(negativeNeutralOnly),
                    NegativeStageGateSquared = parse.GetValue(negativeGateSquared),
                    NegativeStageNeutralWhereNegative = parse.GetValue(negativeNeutralWhereNegative),
                    NegativeStageLowerProspective = parse.GetValue(negativeLowerProspective),
                    NegativeStageKeepPositive = parse.GetValue(negativeKeepPositive),
                    NegativeStageWithoutDocument = parse.GetValue(negativeWithoutDocument),
                };
            }

            // The fingerprint lists every people-labelled row a written file is fitted on (the negative stage's own rows too).
            TrainingRows trainingRows = TrainingRows.Of(StanceTrainer.TrainedTexts(a, [.. sets.SelectMany(s => s.Items), .. options.NegativeStage ?? []]));
            if (parse.GetValue(rowsOnly))
            {
                WriteRows(context, target.FullName, trainingRows);
                return 0;
            }

            IFileInfo[] silver = [.. (parse.GetValue(ruleLabelled) ?? []).Select(f => context.FileSystem.FileInfo.New(f))];
            if (silver.Length > 0 && a != StanceAxis.Epistemic)
            {
                throw new UsageException("--rule-labelled applies to the epistemic axis only.");
            }

            double silverWeight = parse.GetValue(ruleWeight);
            if (!(silverWeight > 0) || double.IsInfinity(silverWeight))
            {
                throw new UsageException("--rule-labelled-weight must be a positive number.");
            }

            foreach (IFileInfo f in silver)
            {
                sets.Add((f, StanceTrainer.RuleLabelled(ReadSet(context, f.FullName), silverWeight)));
            }

            var inv = CultureInfo.InvariantCulture;
            double temperature = 1, stackTemperature = 1;
            IReadOnlyList<double>? offsets = null;
            if (options.SecondStage is not null && (parse.GetValue(cvOn) is null || parse.GetValue(classOffsets)))
            {
                throw new UsageException("--second-stage needs --cv-on (its temperature is fitted out of fold) and does not take --class-offsets.");
            }

            if (parse.GetValue(classOffsets) && (a != StanceAxis.Epistemic || parse.GetValue(cvOn) is null))
            {
                throw new UsageException("--class-offsets applies to the epistemic axis with --cv-on only.");
            }

            if (parse.GetValue(cvOn) is { } cvPath && context.FileSystem.FileInfo.New(cvPath) is { } cv)
            {
                var scored = sets.FirstOrDefault(s => s.File.FullName == cv.FullName);
                if (scored.Items is null)
                {
                    throw new UsageException($"--cv-on '{cv.FullName}' must be one of the --data files.");
                }

                List<StanceItem> rest = [.. sets.Where(s => s.File.FullName != cv.FullName).SelectMany(s => s.Items)];
                // Polarity: the shipped subjectivity model is passed as in 'report' (the polarity label no longer reads it: no gate).
                LinearStanceModel? subjectivity = a == StanceAxis.Polarity ? models.LoadStanceModel(StanceTagger.SubjectivityModelFile) : null;
                CrossValidationResult r = StanceTrainer.CrossValidate(a, scored.Items, rest, options, lexicon, subjectivity: subjectivity);
                context.Console.Out.Write(string.Create(inv, $"{r.Folds}-fold cross-validation grouped by document ({r.Groups} groups); other --data files ({rest.Count} items) in every training fold, less their rows of the held-out fold's documents\n"));
                if (r.Linear.Count != 0)
                {
                    StanceEvaluationResult linear = StanceEvaluation.Score(a, scored.Items, [.. scored.Items.Select((item, i) => StanceEvaluation.Predict(a, item.Id, r.Linear[i]))]);
                    context.Console.Out.Write(StanceEvaluation.Format(linear, cv.FullName + " (the linear stage alone, same folds)", scored.Items.Count).Replace("\r\n", "\n", StringComparison.Ordinal) + "\nSECOND STAGE (boosted trees on the linear stage):\n");
                }

                context.Console.Out.Write(StanceEvaluation.Format(r.Scores, cv.FullName, scored.Items.Count).Replace("\r\n", "\n", StringComparison.Ordinal));
                if (a == StanceAxis.Epistemic)
                {
                    context.Console.Out.Write(StanceCalibration.Format(a, r.Uncalibrated, scored.Items).Replace("CALIBRATION", "CALIBRATION before the temperature", StringComparison.Ordinal));
                    context.Console.Out.Write(string.Create(inv, $"\ntemperature {r.Temperature:F2} (fitted on the out-of-fold predictions; each fold above tagged with the temperature fitted on the other folds)\n"));
                    if (options.SecondStage is not null)
                    {
                        context.Console.Out.Write(string.Create(inv, $"second-stage temperature {r.StackTemperature:F2} (of the trees' output, fitted the same way; the one above is the linear stage's)\n"));
                    }

                    temperature = r.Temperature;
                    stackTemperature = r.StackTemperature;
                    offsets = r.ClassOffsets;
                    if (offsets is not null)
                    {
                        context.Console.Out.Write(string.Create(inv, $"class offsets {string.Join(' ', offsets.Select(o => o.ToString("+0.0;-0.0;0.0", inv)))} ({string.Join('/', StanceTrainer.ClassesOf(a))}; fitted on the out-of-fold predictions after the temperature; each fold above tagged with the offsets fitted on the other folds)\n"));
                    }
                }

                context.Console.Out.Write(StanceCalibration.Format(a, r.Stances, scored.Items));
                if (r.PolarityOffsets.Count != 0 && r.PolarityOffsets.Any(o => o.Any(v => v != 0)))
                {
                    context.Console.Out.Write(string.Create(inv, $"class offsets of the folds' trees ({string.Join('/', StanceTrainer.ClassesOf(a))}; each fitted on its training rows' inner out-of-fold readings): {string.Join("; ", r.PolarityOffsets.Select(o => string.Join(' ', o.Select(v => v.ToString("+0.0;-0.0;0.0", inv)))))}\n"));
                }

                if (r.WithoutOffsets.Count != 0)
                {
                    StanceEvaluationResult plain = StanceEvaluation.Score(a, scored.Items, [.. scored.Items.Select((item, i) => StanceEvaluation.Predict(a, item.Id, r.WithoutOffsets[i]))]);
                    context.Console.Out.Write("\nWITHOUT THE OFFSETS (the same trees, same folds):\n" + StanceEvaluation.Format(plain, cv.FullName + " (the trees without their class offsets)", scored.Items.Count).Replace("\r\n", "\n", StringComparison.Ordinal));
                    context.Console.Out.Write(StanceCalibration.Format(a, r.WithoutOffsets, scored.Items));
                }
                if (parse.GetValue(cvPredictions) is { } cvOut)
                {
                    AtomicFile.WriteAllText(context.FileSystem, context.FileSystem.Path.GetFullPath(cvOut), string.Concat(scored.Items.Select((item, i) => StanceCalibration.ToJsonLine(a, item, r.Stances[i], r.PolarityParts.Count > i ? r.PolarityParts[i] : null) + "\n")));
                }
                if (a == StanceAxis.Epistemic)
                {
                    foreach (StanceAxis binary in (StanceAxis[])[StanceAxis.Hedged, StanceAxis.Attributed, StanceAxis.Prescriptive])
                    {
                        IReadOnlyList<StanceItem> derived = StanceCalibration.BinaryGold(binary, scored.Items);
                        StanceEvaluationResult b = StanceEvaluation.Score(binary, derived, [.. derived.Select((item, i) => StanceEvaluation.Predict(binary, item.Id, r.Stances[i]))]);
                        context.Console.Out.Write("\n" + StanceEvaluation.Format(b, cv.FullName + " (derived from the epistemic label)", derived.Count).Replace("\r\n", "\n", StringComparison.Ordinal));
                    }
                }
            }

            if (options.PolarVocabulary != PolarVocabularyUse.None && analysisFiles.Length == 0)
            {
                throw new UsageException("--polar-vocabulary learns its words from the analysis-prose rows: it needs --in-domain.");
            }

            LinearStanceModel model = StanceTrainer.Train(a, [.. sets.SelectMany(s => s.Items)], options, lexicon, out PolarVocabulary? vocabulary);
            if (a == StanceAxis.Epistemic)
            {
                // The temperature of the cross-validation calibrates the shipped model's confidences (folded into its weights).
                model = model.WithTemperature(temperature);
                model = offsets is null ? model : model.WithClassOffsets(offsets);
            }

            using var buffer = new MemoryStream();
            model.Save(buffer);
            AtomicFile.WriteAllBytes(context.FileSystem, target.FullName, buffer.ToArray());
            context.Console.Out.Write(string.Create(inv, $"wrote {target.FullName}: {model.Axis}, classes {string.Join('/', model.Classes)}, {model.NonZeroFeatures} non-zero features, {buffer.Length} bytes; trained on {sets.Sum(s => s.Items.Count)} items (L2 {options.L2}, L1 {options.L1}, seed {options.Seed}{(a == StanceAxis.Epistemic ? $", temperature {temperature:F2}{(temperature == 1 ? " — no --cv-on, uncalibrated" : "")}" : options.Temperature != 1 ? $", temperature {options.Temperature}" : "")})\n"));
            WriteRows(context, target.FullName, trainingRows);
            if (options.SecondStage is not null)
            {
                EpistemicTrees stack = StanceTrainer.TrainSecondStage([.. sets.SelectMany(s => s.Items)], options, lexicon).WithLinearTemperature(temperature).WithTemperature(stackTemperature);
                using var treesBuffer = new MemoryStream();
                stack.Save(treesBuffer);
                string treesPath = TreesPath(target.FullName);
                AtomicFile.WriteAllBytes(context.FileSystem, treesPath, treesBuffer.ToArray());
                context.Console.Out.Write(string.Create(inv, $"wrote {treesPath}: second stage, {stack.TreeCount} trees over {stack.Inputs.Count} inputs, {treesBuffer.Length} bytes (linear temperature {temperature:F2}, temperature {stackTemperature:F2})\n"));
            }

            if (options.PolarityStack is not null)
            {
                PolarityTrees stack = StanceTrainer.TrainPolarityStack([.. sets.SelectMany(s => s.Items)], options, lexicon);
                using var treesBuffer = new MemoryStream();
                stack.Save(treesBuffer);
                string treesPath = PolarityTreesPath(target.FullName);
                AtomicFile.WriteAllBytes(context.FileSystem, treesPath, treesBuffer.ToArray());
                IReadOnlyList<int> splits = stack.SplitCounts();
                string used = string.Join(", ", Enumerable.Range(0, splits.Count).Where(i => splits[i] > 0).OrderByDescending(i => splits[i]).ThenBy(i => i).Take(8).Select(i => $"{stack.Inputs[i]} {splits[i]}"));
                string scope = stack.Flags == 0 ? "" : string.Create(inv, $"; reads a sentence with its document only, mixed by the gate; class offsets {string.Join(' ', stack.Offsets.Select(o => o.ToString("+0.0;-0.0;0.0", inv)))}");
                context.Console.Out.Write(string.Create(inv, $"wrote {treesPath}: polarity second stage, {stack.TreeCount} trees over {stack.Inputs.Count} inputs, {treesBuffer.Length} bytes (splits: {used}{scope})\n"));
            }

            if (options.NegativeStage is not null)
            {
                LinearStanceModel stage = StanceTrainer.TrainNegativeStage([.. sets.SelectMany(s => s.Items)], options, lexicon);
                using var stageBuffer = new MemoryStream();
                stage.Save(stageBuffer);
                string stagePath = CompanionPath(target.FullName, "negative");
                AtomicFile.WriteAllBytes(context.FileSystem, stagePath, stageBuffer.ToArray());
                context.Console.Out.Write(string.Create(inv, $"wrote {stagePath}: negative-vs-rest stage ({string.Join('/', stage.Classes)}), {stage.NonZeroFeatures} non-zero features, {stageBuffer.Length} bytes; trained on the analysis-prose rows and {options.NegativeStage.Count} rows of its own\n"));
            }

            if (vocabulary is not null)
            {
                using var vocabularyBuffer = new MemoryStream();
                vocabulary.Save(vocabularyBuffer);
                string vocabularyPath = VocabularyPath(target.FullName);
                AtomicFile.WriteAllBytes(context.FileSystem, vocabularyPath, vocabularyBuffer.ToArray());
                context.Console.Out.Write(string.Create(inv, $"wrote {vocabularyPath}: polar vocabulary, {vocabulary.Count} terms, {vocabularyBuffer.Length} bytes\n"));
            }

            if (StanceTrainer.TrainBlend(a, model, [.. sets.SelectMany(s => s.Items)], options, lexicon) is { } blend)
            {
                foreach ((string kind, LinearStanceModel part) in (ReadOnlySpan<(string, LinearStanceModel)>)[("other", blend.Other), ("genre", blend.Genre)])
                {
                    using var partBuffer = new MemoryStream();
                    part.Save(partBuffer);
                    string partPath = CompanionPath(target.FullName, kind);
                    AtomicFile.WriteAllBytes(context.FileSystem, partPath, partBuffer.ToArray());
                    context.Console.Out.Write(string.Create(inv, $"wrote {partPath}: genre blend, {kind} ({string.Join('/', part.Classes)}), {part.NonZeroFeatures} non-zero features, {partBuffer.Length} bytes\n"));
                }
            }

            if (a == StanceAxis.Polarity && !options.Regression)
            {
                IReadOnlyList<LinearStanceModel> ratings = StanceTrainer.TrainPolarityRating([.. sets.SelectMany(s => s.Items)], options, lexicon);
                foreach (LinearStanceModel rating in ratings)
                {
                    using var ratingBuffer = new MemoryStream();
                    rating.Save(ratingBuffer);
                    string kind = rating.IsRegression ? "rating" : "ordinal";
                    string ratingPath = CompanionPath(target.FullName, kind);
                    AtomicFile.WriteAllBytes(context.FileSystem, ratingPath, ratingBuffer.ToArray());
                    string what = rating.IsRegression
                        ? $"rating regressor (SDCA, L2 {options.RatingL2})"
                        : $"ordinal rating model ({rating.Classes.Count} bins, bin means {string.Join(' ', rating.ClassValues!.Select(v => v.ToString("0.00", inv)))})";
                    context.Console.Out.Write(string.Create(inv, $"wrote {ratingPath}: {what}, {rating.NonZeroFeatures} non-zero features, {ratingBuffer.Length} bytes (agreement weighting {options.AgreementWeighting})\n"));
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Writes the fingerprint of the model's training rows next to it (stance-polarity.tlsm → stance-polarity.rows).</summary>
    private static void WriteRows(CliContext context, string modelPath, TrainingRows rows)
    {
        using var buffer = new MemoryStream();
        rows.Save(buffer);
        string path = TrainingRows.PathFor(modelPath);
        AtomicFile.WriteAllBytes(context.FileSystem, path, buffer.ToArray());
        context.Console.Out.Write(string.Create(CultureInfo.InvariantCulture, $"wrote {path}: the fingerprint of {rows.Count} training rows, {buffer.Length} bytes\n"));
    }

    /// <summary>Where the epistemic second stage goes: next to the linear model (stance-epistemic.tlsm → <see cref="EpistemicTrees.FileName"/>).</summary>
    public static string TreesPath(string classifierPath) =>
        Path.Combine(Path.GetDirectoryName(classifierPath) ?? string.Empty, Path.GetFileNameWithoutExtension(classifierPath) + "-trees.tlet");

    /// <summary>Where the polarity second stage goes: next to the classifier (stance-polarity.tlsm → <see cref="PolarityTrees.FileName"/>).</summary>
    public static string PolarityTreesPath(string classifierPath) =>
        Path.Combine(Path.GetDirectoryName(classifierPath) ?? string.Empty, Path.GetFileNameWithoutExtension(classifierPath) + "-trees.tlpt");

    /// <summary>Where the polar vocabulary goes: next to the classifier (stance-polarity.tlsm → stance-polarity-vocabulary.tsv).</summary>
    public static string VocabularyPath(string classifierPath) =>
        Path.Combine(Path.GetDirectoryName(classifierPath) ?? string.Empty, Path.GetFileNameWithoutExtension(classifierPath) + "-vocabulary.tsv");

    /// <summary>Where a polarity rating model goes: next to the classifier, "-KIND" before the extension (stance-polarity.tlsm → stance-polarity-rating.tlsm, stance-polarity-ordinal.tlsm).</summary>
    public static string CompanionPath(string classifierPath, string kind)
    {
        string dir = Path.GetDirectoryName(classifierPath) ?? string.Empty;
        return Path.Combine(dir, Path.GetFileNameWithoutExtension(classifierPath) + "-" + kind + Path.GetExtension(classifierPath));
    }

    /// <summary>A training set's items; a file that is not a stance set is a usage error naming it and the line.</summary>
    private static IReadOnlyList<StanceItem> ReadSet(CliContext context, string path)
    {
        try
        {
            return StanceEvaluation.ReadJsonl(DataFiles.ReadLines(context.FileSystem, path));
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }
}
