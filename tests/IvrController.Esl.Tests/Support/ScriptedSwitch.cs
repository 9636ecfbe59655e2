using System.IO.Pipelines;
using System.Text;

namespace IvrController.Esl.Tests.Support;

/// <summary>The switch's side of one connection, driven step by step by a test.</summary>
public sealed class ScriptedSwitch : IAsyncDisposable
{
    private readonly PipeReader _reader;

    public ScriptedSwitch(Stream stream)
    {
        Stream = stream;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
    }

    public Stream Stream { get; }

    public async Task SendAsync(string wire)
    {
        await Stream.WriteAsync(Encoding.UTF8.GetBytes(wire));
        await Stream.FlushAsync();
    }

    public Task SendAsync(byte[] wire) => Stream.WriteAsync(wire).AsTask();

    public async Task<WireCommand> ReadCommandAsync(CancellationToken cancellationToken = default) =>
        await WireCommand.ReadAsync(_reader, cancellationToken) ?? throw new EndOfStreamException("the client closed the connection");

    /// <summary>Completes when the client closes its side.</summary>
    public async Task WaitForCloseAsync(CancellationToken cancellationToken = default)
    {
        while (await WireCommand.ReadAsync(_reader, cancellationToken) is not null)
        {
        }
    }

    /// <summary>Greets like the switch and accepts the password.</summary>
    public async Task<WireCommand> AcceptAuthAsync(CancellationToken cancellationToken = default)
    {
        await SendAsync("Content-Type: auth/request\n\n");
        WireCommand auth = await ReadCommandAsync(cancellationToken);
        await ReplyAsync("+OK accepted");
        return auth;
    }

    public Task ReplyAsync(string replyText) => SendAsync($"Content-Type: command/reply\nReply-Text: {replyText}\n\n");

    public Task ApiResponseAsync(string body) =>
        SendAsync($"Content-Type: api/response\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\n\n{body}");

    public static string PlainEvent(string eventName, params (string Name, string Value)[] headers) =>
        PlainEventWithBody(eventName, null, headers);

    public static string PlainEventWithBody(string eventName, string? eventBody, params (string Name, string Value)[] headers)
    {
        var body = new StringBuilder($"Event-Name: {eventName}\n");
        foreach ((string name, string value) in headers)
        {
            body.Append(name).Append(": ").Append(Uri.EscapeDataString(value)).Append('\n');
        }

        if (eventBody is not null)
        {
            body.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(eventBody)).Append("\n\n").Append(eventBody);
        }
        else
        {
            body.Append('\n');
        }

        return $"Content-Length: {Encoding.UTF8.GetByteCount(body.ToString())}\nContent-Type: text/event-plain\n\n{body}";
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        await Stream.DisposeAsync();
    }
}
