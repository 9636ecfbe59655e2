using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace IvrController.Load;

/// <summary>
/// Every exception the controller throws, first chance (caught or not), summed by its type and the frames that
/// threw it: a throw costs tens of microseconds, so one on a call's ordinary path shows in its CPU. On with
/// IVR_LOAD_EXCEPTIONS=1; the stack walk makes each throw dearer still, so figures of such a run are not comparable.
/// </summary>
internal sealed class ExceptionTally : IDisposable
{
    private const int FramesKept = 6;
    private readonly ConcurrentDictionary<string, long> _countByThrow = new(StringComparer.Ordinal);

    public ExceptionTally() => AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;

    public IEnumerable<KeyValuePair<string, long>> Top(int count) => _countByThrow.OrderByDescending(p => p.Value).Take(count);

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;

    private void OnFirstChance(object? sender, FirstChanceExceptionEventArgs e)
    {
        // Skip this handler's frame; keep the innermost frames that are not the runtime's own task machinery.
        var frames = new StackTrace(1, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType is { } t && !(t.Namespace ?? "").StartsWith("System.Runtime.CompilerServices", StringComparison.Ordinal))
            .Take(FramesKept)
            .Select(m => $"{m!.DeclaringType!.FullName}.{m.Name}");
        string key = $"{e.Exception.GetType().Name} at {string.Join(" < ", frames)}";
        _countByThrow.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}
