namespace IvrController.Fuzz;

/// <summary>Runs saved inputs (afl-fuzz's crashes and hangs) outside the fuzzer and groups what they threw.</summary>
internal static class Replay
{
    public static int Run(IEnumerable<string> paths)
    {
        var files = paths
            .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)) : [p])
            .Order(StringComparer.Ordinal)
            .ToList();
        var kinds = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            byte[] input = File.ReadAllBytes(file);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                FrameTarget.Run(input);
                Console.WriteLine($"{file}: ok ({input.Length} bytes, {clock.ElapsedMilliseconds} ms)");
            }
            catch (Exception e)
            {
                // One kind per exception type and the place it was thrown from.
                string where = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "(no stack)";
                string kind = $"{e.GetType().Name} {where}";
                if (!kinds.TryGetValue(kind, out List<string>? members))
                {
                    kinds[kind] = members = [];
                    Console.WriteLine($"{file}: {e}");
                }
                else
                {
                    Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
                }

                members.Add(file);
            }
        }

        Console.WriteLine($"replay: {files.Count} input(s), {kinds.Values.Sum(k => k.Count)} failed, {kinds.Count} distinct");
        foreach ((string kind, List<string> members) in kinds)
        {
            Console.WriteLine($"  {members.Count} x {kind}");
        }

        return kinds.Count == 0 ? 0 : 1;
    }
}
