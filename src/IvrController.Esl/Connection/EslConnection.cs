using System.Buffers;
using System.IO.Pipelines;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using Microsoft.Extensions.Logging;

namespace IvrController.Esl.Connection;

/// <summary>
/// One event-socket connection, inbound or outbound: a read loop that turns bytes into frames,
/// and commands matched to replies in wire order. Replies of both kinds (<c>command/reply</c>,
/// <c>api/response</c>) share one FIFO, and a waiter joins it inside the write lock, so queue
/// order is wire order. When the connection ends, every waiter fails with the reason.
/// </summary>
public sealed class EslConnection : IAsyncDisposable
{
    private readonly IDuplexPipe _transport;
    private readonly IAsyncDisposable? _transportOwner;
    private readonly IEslFrameHandler _handler;
    private readonly EslConnectionOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _pendingLock = new();
    private readonly Queue<PendingReply> _pending = new();
    // Both complete on the thread that ends the connection (the read loop, or whoever aborts it), which then runs
    // what waits for them up to its next await, as it does for pending replies: no hand-off to a pool thread per
    // connection end. Neither is completed while a lock of ours is held.
    private readonly TaskCompletionSource<EslConnectionException> _closed = new(TaskCreationOptions.None);
    private readonly TaskCompletionSource _readLoopEnded = new(TaskCreationOptions.None);
    private EslConnectionException? _failure;
    private int _readLoopStarted;
    private int _transportClosed;
    private string? _lastNotice;
    private long _malformedEvents;

    public EslConnection(
        IDuplexPipe transport,
        IEslFrameHandler handler,
        EslConnectionOptions options,
        ILogger logger,
        TimeProvider? time = null,
        IAsyncDisposable? transportOwner = null)
    {
        _transport = transport;
        _handler = handler;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _transportOwner = transportOwner;
    }

    /// <summary>Completes with the reason once the connection has ended.</summary>
    public Task<EslConnectionException> Closed => _closed.Task;

    public bool IsOpen => Volatile.Read(ref _failure) is null;

    /// <summary>Events whose body could not be parsed (logged and dropped; the connection goes on).</summary>
    public long MalformedEvents => Interlocked.Read(ref _malformedEvents);

    /// <summary>
    /// Reads until the peer closes, the bytes stop making sense, or <paramref name="cancellationToken"/>
    /// fires. Never throws: the outcome is <see cref="Closed"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _readLoopStarted, 1) != 0)
        {
            throw new InvalidOperationException("The read loop of a connection runs once.");
        }

        try
        {
            await ReadUntilClosedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _readLoopEnded.TrySetResult();
        }
    }

    private async Task ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        EslConnectionException reason;
        try
        {
            reason = await ReadFramesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = _failure ?? new EslConnectionException("the connection was closed by this side");
        }
        catch (EslProtocolException e)
        {
            reason = new EslConnectionException($"the switch sent an invalid frame ({e.Message}); connection dropped", e);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            reason = new EslConnectionException($"reading from the switch failed: {e.Message}", e);
        }

        Fail(reason);
        await CloseTransportAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a command and waits for its reply frame, which the caller then owns.
    /// Fails with <see cref="EslConnectionException"/> if the connection ends first, or
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> (default: the options' CommandTimeout).
    /// </summary>
    public async Task<EslFrame> SendAsync(EslCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        TimeSpan limit = timeout ?? _options.CommandTimeout;
        using var timeoutSource = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var pending = new PendingReply(command);
        try
        {
            await WriteAsync([(command, pending)], linked.Token).ConfigureAwait(false);
            return await pending.Task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            pending.TrySetCanceled(CancellationToken.None);
            throw new TimeoutException($"The switch did not answer '{command.Description}' within {limit.TotalSeconds:0.###} s.");
        }
        catch (OperationCanceledException)
        {
            pending.TrySetCanceled(cancellationToken);
            throw;
        }
    }

    /// <summary>Sends a command and returns its reply text, throwing <see cref="EslCommandException"/> on <c>-ERR</c>.</summary>
    public async Task<CommandReply> SendCommandAsync(EslCommand command, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using EslFrame frame = await SendAsync(command, timeout, cancellationToken).ConfigureAwait(false);
        var reply = CommandReply.FromFrame(frame);
        return reply.IsOk ? reply : throw new EslCommandException(command.Description, reply.ReplyText);
    }

    /// <summary>
    /// Sends several commands in one write, in order, and waits for all their replies: one round trip instead of
    /// one per command. Throws <see cref="EslCommandException"/> for the first that got <c>-ERR</c>.
    /// </summary>
    public async Task<CommandReply[]> SendCommandsAsync(IReadOnlyList<EslCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        EslFrame[] frames = await SendAllAsync(commands, timeout, cancellationToken).ConfigureAwait(false);
        var replies = new CommandReply[frames.Length];
        for (int i = 0; i < frames.Length; i++)
        {
            using (frames[i])
            {
                replies[i] = CommandReply.FromFrame(frames[i]);
            }
        }

        for (int i = 0; i < replies.Length; i++)
        {
            if (!replies[i].IsOk)
            {
                throw new EslCommandException(commands[i].Description, replies[i].ReplyText);
            }
        }

        return replies;
    }

    /// <summary>
    /// Sends several commands in one write, in order, and waits for all their reply frames, which the caller then
    /// owns (whatever their reply text). Fails as <see cref="SendAsync"/> does; frames already received are then
    /// disposed.
    /// </summary>
    public async Task<EslFrame[]> SendAllAsync(IReadOnlyList<EslCommand> commands, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        TimeSpan limit = timeout ?? _options.CommandTimeout;
        using var timeoutSource = new CancellationTokenSource(limit, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var sent = commands.Select(command => (Command: command, Pending: new PendingReply(command))).ToArray();
        var frames = new EslFrame[sent.Length];
        int received = 0;
        try
        {
            await WriteAsync(sent, linked.Token).ConfigureAwait(false);
            for (; received < sent.Length; received++)
            {
                frames[received] = await sent[received].Pending.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }

            return frames;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Abandon(sent, frames, received, CancellationToken.None);
            throw new TimeoutException($"The switch did not answer '{string.Join("', '", commands.Select(c => c.Description))}' within {limit.TotalSeconds:0.###} s.");
        }
        catch (OperationCanceledException)
        {
            Abandon(sent, frames, received, cancellationToken);
            throw;
        }
        catch
        {
            Abandon(sent, frames, received, CancellationToken.None);
            throw;
        }
    }

    /// <summary>A batch given up: replies still to come are disposed when they arrive, those already here now.</summary>
    private static void Abandon((EslCommand Command, PendingReply Pending)[] sent, EslFrame[] frames, int received, CancellationToken cancellationToken)
    {
        for (int i = 0; i < sent.Length; i++)
        {
            if (i < received)
            {
                frames[i].Dispose();
            }
            else if (!sent[i].Pending.TrySetCanceled(cancellationToken) && sent[i].Pending.Task.IsCompletedSuccessfully)
            {
                sent[i].Pending.Task.Result.Dispose();
            }
        }
    }

    /// <summary>Ends the connection now; pending commands fail with <paramref name="reason"/>.</summary>
    public void Abort(string reason)
    {
        Fail(new EslConnectionException(reason));
    }

    public async ValueTask DisposeAsync()
    {
        Abort("the connection was closed by this side");
        if (Volatile.Read(ref _readLoopStarted) != 0)
        {
            await _readLoopEnded.Task.ConfigureAwait(false);
        }

        await CloseTransportAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private async Task WriteAsync(IReadOnlyList<(EslCommand Command, PendingReply Pending)> commands, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        EslConnectionException? failed = null;
        try
        {
            lock (_pendingLock)
            {
                if (_failure is { } failure)
                {
                    throw failure.ForCommand(commands[0].Command.Description);
                }

                foreach ((_, PendingReply pending) in commands)
                {
                    _pending.Enqueue(pending);
                }
            }

            // Never cancel half way through a command: a torn command corrupts the stream.
            foreach ((EslCommand command, _) in commands)
            {
                command.WriteTo(_transport.Output);
            }

            FlushResult flushed = await _transport.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            if (flushed.IsCompleted)
            {
                throw new IOException("the switch stopped reading");
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            failed = new EslConnectionException($"writing '{commands[0].Command.Description}' failed: {e.Message}", e);
        }
        finally
        {
            _writeLock.Release();
        }

        // Outside the write lock: failing the connection runs its waiters, which may write (and find it failed).
        if (failed is not null)
        {
            Fail(failed);
            throw failed;
        }
    }

    private async Task<EslConnectionException> ReadFramesAsync(CancellationToken cancellationToken)
    {
        PipeReader input = _transport.Input;
        while (true)
        {
            ReadResult result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            ReadOnlySequence<byte> buffer = result.Buffer;
            try
            {
                while (true)
                {
                    EslReadStatus status = EslFrameReader.TryRead(ref buffer, _options.Limits, out EslFrame? frame, out string? error);
                    if (status == EslReadStatus.Done)
                    {
                        Dispatch(frame!);
                        continue;
                    }

                    if (status == EslReadStatus.Invalid)
                    {
                        throw new EslProtocolException(error!);
                    }

                    break;
                }

                if (result.IsCanceled)
                {
                    return _failure ?? new EslConnectionException("the connection was closed by this side");
                }

                if (result.IsCompleted)
                {
                    string after = _lastNotice is null ? string.Empty : $" after '{_lastNotice}'";
                    return buffer.IsEmpty
                        ? new EslConnectionException($"the switch closed the connection{after}")
                        : new EslConnectionException($"the switch closed the connection in the middle of a frame ({buffer.Length} bytes of it received){after}");
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private void Dispatch(EslFrame frame)
    {
        switch (frame.ContentType)
        {
            case ContentTypes.CommandReply:
            case ContentTypes.ApiResponse:
                CompleteNextReply(frame);
                break;
            case ContentTypes.EventPlain:
            case ContentTypes.EventJson:
            case ContentTypes.EventXml:
                DispatchEvent(frame);
                break;
            case ContentTypes.AuthRequest:
            case ContentTypes.DisconnectNotice:
            case ContentTypes.RudeRejection:
            case ContentTypes.LogData:
                if (frame.ContentType is ContentTypes.DisconnectNotice or ContentTypes.RudeRejection)
                {
                    _lastNotice = frame.ContentType;
                }

                Deliver(frame);
                break;
            default:
                _logger.LogWarning("Ignored a frame with unknown Content-Type '{ContentType}' ({Headers} headers, {Bytes} body bytes)",
                    frame.ContentType.Length == 0 ? "(none)" : frame.ContentType, frame.HeaderCount, frame.BodyLength);
                frame.Dispose();
                break;
        }
    }

    private void DispatchEvent(EslFrame frame)
    {
        EslEvent eslEvent;
        try
        {
            eslEvent = EslEvent.FromFrame(frame, _options.Limits);
        }
        catch (EslProtocolException e)
        {
            Interlocked.Increment(ref _malformedEvents);
            _logger.LogWarning("Dropped a malformed event from the switch: {Reason}", e.Message);
            return;
        }

        try
        {
            _handler.OnEvent(eslEvent);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "The event handler failed on {EventName}", eslEvent.EventName);
        }
    }

    private void Deliver(EslFrame frame)
    {
        try
        {
            _handler.OnNotice(frame);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "The notice handler failed on {ContentType}", frame.ContentType);
        }
    }

    private void CompleteNextReply(EslFrame frame)
    {
        PendingReply? pending;
        lock (_pendingLock)
        {
            _pending.TryDequeue(out pending);
        }

        if (pending is null)
        {
            _logger.LogWarning("The switch sent a {ContentType} with no command waiting for it; ignored", frame.ContentType);
            frame.Dispose();
        }
        else if (!pending.TrySetResult(frame))
        {
            // The caller gave up (timeout or cancellation); the reply still had to leave the queue.
            frame.Dispose();
        }
    }

    private void Fail(EslConnectionException reason)
    {
        PendingReply[] waiting;
        lock (_pendingLock)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = reason;
            waiting = [.. _pending];
            _pending.Clear();
        }

        foreach (PendingReply pending in waiting)
        {
            pending.TrySetException(reason.ForCommand(pending.Description));
        }

        // The read loop ends on a cancelled read (ReadResult.IsCanceled), never on a cancelled token: a token makes
        // the pipe throw, and the loop rethrow, three exceptions at the end of every call's session.
        _transport.Input.CancelPendingRead();
        _closed.TrySetResult(reason);
    }

    private async Task CloseTransportAsync()
    {
        if (Interlocked.Exchange(ref _transportClosed, 1) != 0)
        {
            return;
        }

        if (_transportOwner is not null)
        {
            await _transportOwner.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await _transport.Output.CompleteAsync().ConfigureAwait(false);
        await _transport.Input.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Completed by the read loop, whose thread then runs the waiting code up to its next await: no hand-off to
    /// another thread per reply. Waiters must not block (nothing of ours does; everything awaits).
    /// </summary>
    private sealed class PendingReply(EslCommand command) : TaskCompletionSource<EslFrame>(TaskCreationOptions.None)
    {
        /// <summary>Worded only when a reply fails to come: most never need it.</summary>
        public string Description => command.Description;
    }
}
