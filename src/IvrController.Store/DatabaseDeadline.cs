namespace IvrController.Store;

/// <summary>
/// A database call on a call's path, bounded by a deadline the controller keeps itself. The call runs
/// without a cancellation token and the caller stops waiting at the deadline; an abandoned call may
/// still finish later (every such write is idempotent, every such read is only advice).
/// </summary>
/// <remarks>
/// Npgsql answers a cancelled token by sending PostgreSQL a cancel request, synchronously, from the
/// thread that cancels (a timer's pool thread). With inline socket completions that request waits for a
/// socket thread, while the socket thread that finishes the query waits for the cancel callback to end:
/// a deadline that fired as the answer arrived froze one socket thread, and with it the database
/// connections and the switch's sessions it served, for good (seen on the real switch under load).
/// Npgsql does not give up on its token while it connects either, so the wait was ours already.
/// </remarks>
public static class DatabaseDeadline
{
    /// <summary>
    /// Starts <paramref name="operation"/> with no token and waits for it until <paramref name="deadline"/>
    /// (<see cref="TimeoutException"/>) or <paramref name="cancellationToken"/>.
    /// </summary>
    public static async Task<T> WithinAsync<T>(Func<Task<T>> operation, TimeSpan deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(time);
        Task<T> work = operation();
        try
        {
            return await work.WaitAsync(deadline, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e) when (!work.IsCompleted)
        {
            Abandon(work);
            throw new TimeoutException($"the database did not answer within {deadline.TotalSeconds:0.###} s", e);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            Abandon(work);
            throw;
        }
    }

    /// <summary>Nobody awaits an abandoned call: its failure, if any, is observed here and dropped.</summary>
    private static void Abandon(Task work) =>
        _ = work.ContinueWith(
            finished => _ = finished.Exception,
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
