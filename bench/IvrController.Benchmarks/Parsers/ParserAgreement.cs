using IvrController.Benchmarks.Fixtures;

namespace IvrController.Benchmarks.Parsers;

/// <summary>
/// Guards the benchmark against measuring a parser that silently parses nothing: both parsers, on
/// every input shape the benchmarks use, must find every event of a set, in order, with the same
/// Event-Name and Unique-ID, and those names must be the ones on the wire.
/// </summary>
internal static class ParserAgreement
{
    public static void Verify(EventSet set, int expectedCount, bool channelEvents)
    {
        if (set.Count != expectedCount)
        {
            throw new InvalidOperationException(
                $"{set.Category}: the fixtures now yield {set.Count} events, not {expectedCount}; update the count in {nameof(EventSets)} (it sets OperationsPerInvoke)");
        }

        var ours = new List<EventIdentity>();
        EslLayerRun.Run(set.Stream, ours);
        Compare(set, "the ESL layer", ours, expectedCount, channelEvents);

        var perFrame = new List<EventIdentity>();
        StringSplittingRun.Run(set.FrameChunks, perFrame);
        Compare(set, "the baseline (one chunk per frame)", perFrame, expectedCount, channelEvents);

        var oneChunk = new List<EventIdentity>();
        StringSplittingRun.Run([set.Stream], oneChunk);
        Compare(set, "the baseline (one chunk for the set)", oneChunk, expectedCount, channelEvents);

        for (int i = 0; i < expectedCount; i++)
        {
            if (ours[i] != perFrame[i] || ours[i] != oneChunk[i])
            {
                throw new InvalidOperationException(
                    $"{set.Category}: event {i} reads as {ours[i]} in the ESL layer but {perFrame[i]} / {oneChunk[i]} in the baseline");
            }
        }
    }

    private static void Compare(EventSet set, string parser, List<EventIdentity> seen, int expectedCount, bool channelEvents)
    {
        if (seen.Count != expectedCount)
        {
            throw new InvalidOperationException($"{set.Category}: expected {expectedCount} events, {parser} read {seen.Count}");
        }

        for (int i = 0; i < expectedCount; i++)
        {
            if (seen[i].EventName != set.Frames[i].EventName)
            {
                throw new InvalidOperationException(
                    $"{set.Category}: event {i} is {set.Frames[i].EventName} on the wire but {parser} read {seen[i].EventName}");
            }

            if (channelEvents && string.IsNullOrEmpty(seen[i].UniqueId))
            {
                throw new InvalidOperationException($"{set.Category}: channel event {i} ({seen[i].EventName}) has no Unique-ID in {parser}");
            }
        }
    }
}
