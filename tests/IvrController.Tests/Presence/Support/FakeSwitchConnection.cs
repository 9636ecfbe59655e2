using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace IvrController.Tests.Presence.Support;

/// <summary>The switch's side of one event socket connection, driven line by line by a test.</summary>
internal sealed class FakeSwitchConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;

    public FakeSwitchConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
    }

    public async Task SendAsync(string wire)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(wire));
        await _stream.FlushAsync();
    }

    /// <summary>The next command line the client sent (its commands here have no body).</summary>
    public async Task<string> ReadCommandAsync(CancellationToken cancellationToken) =>
        (await ReadCommandTextAsync(cancellationToken)).Split('\n')[0];

    /// <summary>The next command with its header lines (bgapi carries its Job-UUID there).</summary>
    public async Task<string> ReadCommandTextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await _reader.ReadAsync(cancellationToken);
            var sequence = new SequenceReader<byte>(result.Buffer);
            if (sequence.TryReadTo(out ReadOnlySequence<byte> command, "\n\n"u8))
            {
                // Decoded before AdvanceTo, which hands the buffer back.
                string text = Encoding.UTF8.GetString(command);
                _reader.AdvanceTo(sequence.Position);
                return text;
            }

            if (result.IsCompleted)
            {
                throw new EndOfStreamException("the client closed the connection");
            }

            _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>Reads the next command, checks it is <paramref name="expected"/>, and answers it.</summary>
    public async Task ExpectAsync(string expected, string reply, CancellationToken cancellationToken)
    {
        string command = await ReadCommandAsync(cancellationToken);
        if (command != expected)
        {
            throw new InvalidOperationException($"the switch expected '{expected}' but got '{command}'");
        }

        await SendAsync(reply);
    }

    public static string CommandReply(string text) => $"Content-Type: command/reply\nReply-Text: {text}\n\n";

    public static string ApiResponse(string body) =>
        $"Content-Type: api/response\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n{body}";

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
