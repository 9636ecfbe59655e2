using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using IvrController.Benchmarks.Fixtures;
using IvrController.Benchmarks.Parsers;

namespace IvrController.Benchmarks;

/// <summary>
/// Parses recorded FreeSWITCH events with the ESL layer and with a string-splitting baseline.
/// Each invocation parses a whole set; OperationsPerInvoke makes every figure per event.
/// The ESL layer reads the set from one contiguous buffer (as from a pipe); the baseline decodes
/// one frame-sized chunk at a time (its best case: a socket read of exactly one event), so the
/// ratios are, if anything, in the baseline's favour. Baseline_Plain7k_OneChunk shows what the
/// baseline costs when it must decode the whole set as one string instead.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EslParseBenchmarks
{
    private byte[] _plain7k = [];
    private byte[][] _plain7kFrames = [];
    private byte[][] _plain7kOneChunk = [];
    private byte[] _plain2k = [];
    private byte[][] _plain2kFrames = [];
    private byte[] _json = [];
    private byte[][] _jsonFrames = [];

    [GlobalSetup]
    public void Setup()
    {
        ParserAgreement.Verify(EventSets.Plain7k, EventSets.Plain7kCount, channelEvents: true);
        ParserAgreement.Verify(EventSets.Plain2k, EventSets.Plain2kCount, channelEvents: true);
        ParserAgreement.Verify(EventSets.Json, EventSets.JsonCount, channelEvents: false);
        _plain7k = EventSets.Plain7k.Stream;
        _plain7kFrames = EventSets.Plain7k.FrameChunks;
        _plain7kOneChunk = [EventSets.Plain7k.Stream];
        _plain2k = EventSets.Plain2k.Stream;
        _plain2kFrames = EventSets.Plain2k.FrameChunks;
        _json = EventSets.Json.Stream;
        _jsonFrames = EventSets.Json.FrameChunks;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventSets.Plain7kCount)]
    [BenchmarkCategory(EventSets.Plain7kCategory)]
    public int Baseline_Plain7k() => StringSplittingRun.Run(_plain7kFrames, null);

    [Benchmark(OperationsPerInvoke = EventSets.Plain7kCount)]
    [BenchmarkCategory(EventSets.Plain7kCategory)]
    public int Baseline_Plain7k_OneChunk() => StringSplittingRun.Run(_plain7kOneChunk, null);

    [Benchmark(OperationsPerInvoke = EventSets.Plain7kCount)]
    [BenchmarkCategory(EventSets.Plain7kCategory)]
    public int Ours_Plain7k() => EslLayerRun.Run(_plain7k, null);

    [Benchmark(Baseline = true, OperationsPerInvoke = EventSets.Plain2kCount)]
    [BenchmarkCategory(EventSets.Plain2kCategory)]
    public int Baseline_Plain2k() => StringSplittingRun.Run(_plain2kFrames, null);

    [Benchmark(OperationsPerInvoke = EventSets.Plain2kCount)]
    [BenchmarkCategory(EventSets.Plain2kCategory)]
    public int Ours_Plain2k() => EslLayerRun.Run(_plain2k, null);

    [Benchmark(Baseline = true, OperationsPerInvoke = EventSets.JsonCount)]
    [BenchmarkCategory(EventSets.JsonCategory)]
    public int Baseline_Json() => StringSplittingRun.Run(_jsonFrames, null);

    [Benchmark(OperationsPerInvoke = EventSets.JsonCount)]
    [BenchmarkCategory(EventSets.JsonCategory)]
    public int Ours_Json() => EslLayerRun.Run(_json, null);
}
