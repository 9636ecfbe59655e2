namespace IvrController.Benchmarks.Parsers;

/// <summary>Runs the baseline over received chunks and reads what a dispatcher reads from each event.</summary>
internal static class StringSplittingRun
{
    /// <summary>
    /// Parses each chunk as one receive (decoded on its own, holding whole frames); returns a
    /// checksum of what was read; <paramref name="seen"/>, if given, collects it.
    /// </summary>
    public static int Run(byte[][] chunks, List<EventIdentity>? seen)
    {
        int checksum = 0;
        foreach (byte[] chunk in chunks)
        {
            foreach (Dictionary<string, string> headers in StringSplittingParser.ReadEvents(chunk))
            {
                string eventName = headers["Event-Name"];
                headers.TryGetValue("Unique-ID", out string? uniqueId);
                checksum += eventName.Length + (uniqueId?.Length ?? 0);
                seen?.Add(new EventIdentity(eventName, uniqueId));
            }
        }

        return checksum;
    }
}
