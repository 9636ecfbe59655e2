using System.Text;

namespace IvrController.FakeSwitch;

/// <summary>
/// The switch's write side: one frame at a time (replies from the command loop and events from
/// the call interleave, as on the real socket), each recorded for assertions.
/// </summary>
public sealed class SwitchOutput : IDisposable
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly List<SentFrame> _sent = [];
    private bool _closed;

    public SwitchOutput(Stream stream)
    {
        _stream = stream;
    }

    public IReadOnlyList<SentFrame> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToList();
            }
        }
    }

    public bool IsClosed => Volatile.Read(ref _closed);

    public Task ReplyAsync(string replyText, CancellationToken cancellationToken) =>
        WriteAsync(new SentFrame("command/reply", null, $"Content-Type: command/reply\nReply-Text: {replyText}\n\n"), cancellationToken);

    public Task ApiResponseAsync(string body, CancellationToken cancellationToken) =>
        WriteAsync(new SentFrame("api/response", null, $"Content-Type: api/response\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n{body}"), cancellationToken);

    /// <summary>A plain event: the header block is the body, its length counted in UTF-8 bytes.</summary>
    public Task EventAsync(string eventName, string headerBlock, CancellationToken cancellationToken) =>
        WriteAsync(new SentFrame("text/event-plain", eventName, $"Content-Length: {Encoding.UTF8.GetByteCount(headerBlock)}\nContent-Type: text/event-plain\n\n{headerBlock}"), cancellationToken);

    public async Task WriteAsync(SentFrame frame, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (_closed)
            {
                return;
            }

            try
            {
                await _stream.WriteAsync(Encoding.UTF8.GetBytes(frame.Text), cancellationToken);
                await _stream.FlushAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The controller closed first (say, right after the reply to exit): the switch just stops writing.
                _closed = true;
                return;
            }

            lock (_sent)
            {
                _sent.Add(frame);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();

    /// <summary>Closes the socket, as the switch does when the session is over; later writes are dropped.</summary>
    public async Task CloseAsync()
    {
        await _writing.WaitAsync();
        try
        {
            if (!_closed)
            {
                _closed = true;
                _stream.Close();
            }
        }
        finally
        {
            _writing.Release();
        }
    }
}
