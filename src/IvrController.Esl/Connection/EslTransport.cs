using System.IO.Pipelines;
using System.Net.Sockets;

namespace IvrController.Esl.Connection;

/// <summary>A socket (or any stream) seen as a pair of pipes, closed together.</summary>
public sealed class EslTransport : IDuplexPipe, IAsyncDisposable
{
    private readonly Stream _stream;
    private int _disposed;

    public EslTransport(Stream stream)
    {
        _stream = stream;
        Input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        Output = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public static EslTransport FromSocket(Socket socket)
    {
        socket.NoDelay = true;
        return new EslTransport(new NetworkStream(socket, ownsSocket: true));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Output is not completed: every command is flushed under the connection's write lock,
        // so nothing is buffered, and completing a stream writer after the peer closed can throw.
        await Input.CompleteAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
