using System.Diagnostics;
using System.Text;

namespace IvrController.Metrics;

/// <summary>
/// A histogram of durations with fixed bucket bounds: an observation is one bucket search over a few
/// longs and two interlocked adds, no lock and no allocation. Durations are <see cref="Stopwatch"/> ticks.
/// </summary>
public sealed class LatencyHistogram
{
    private readonly double[] _boundsSeconds;
    private readonly long[] _boundsTicks;
    // One count per bound plus the +Inf bucket; not cumulative here, summed when written.
    private readonly long[] _counts;
    private long _sumTicks;

    /// <param name="boundsSeconds">Upper bounds in seconds, ascending.</param>
    public LatencyHistogram(params double[] boundsSeconds)
    {
        ArgumentNullException.ThrowIfNull(boundsSeconds);
        for (int i = 1; i < boundsSeconds.Length; i++)
        {
            if (boundsSeconds[i] <= boundsSeconds[i - 1])
            {
                throw new ArgumentException("Bucket bounds must be ascending.", nameof(boundsSeconds));
            }
        }

        _boundsSeconds = [.. boundsSeconds];
        _boundsTicks = new long[boundsSeconds.Length];
        for (int i = 0; i < boundsSeconds.Length; i++)
        {
            _boundsTicks[i] = (long)Math.Round(boundsSeconds[i] * Stopwatch.Frequency);
        }

        _counts = new long[boundsSeconds.Length + 1];
    }

    /// <summary>Upper bounds in seconds, without +Inf.</summary>
    public IReadOnlyList<double> Bounds => _boundsSeconds;

    public long Count
    {
        get
        {
            long count = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                count += Interlocked.Read(ref _counts[i]);
            }

            return count;
        }
    }

    public double SumSeconds => (double)Interlocked.Read(ref _sumTicks) / Stopwatch.Frequency;

    public void Observe(long elapsedTicks)
    {
        if (elapsedTicks < 0)
        {
            elapsedTicks = 0;
        }

        int bucket = 0;
        while (bucket < _boundsTicks.Length && elapsedTicks > _boundsTicks[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Add(ref _sumTicks, elapsedTicks);
    }

    /// <summary>The family: cumulative buckets ending with +Inf, then _sum and _count (the +Inf bucket's count).</summary>
    internal void WriteTo(StringBuilder text, string name, string help)
    {
        PrometheusText.Family(text, name, "histogram", help);
        long cumulative = 0;
        for (int i = 0; i <= _boundsSeconds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            string le = i < _boundsSeconds.Length ? PrometheusText.Number(_boundsSeconds[i]) : "+Inf";
            PrometheusText.Sample(text, name + "_bucket", [("le", le)], cumulative);
        }

        PrometheusText.Sample(text, name + "_sum", SumSeconds);
        PrometheusText.Sample(text, name + "_count", cumulative);
    }
}
