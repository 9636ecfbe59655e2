using System.IO.Pipelines;
using System.Text;
using IvrController.Esl.Connection;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IvrController.Esl.Tests.Support;

/// <summary>An <see cref="EslConnection"/> wired to a switch made of two in-memory pipes.</summary>
public sealed class InMemorySwitch : IEslFrameHandler, IAsyncDisposable
{
    private readonly Pipe _toSwitch = new();
    private readonly Pipe _toClient = new();

    public InMemorySwitch(TimeProvider? time = null, EslConnectionOptions? options = null, ILogger? logger = null)
    {
        Connection = new EslConnection(new DuplexPipe(_toClient.Reader, _toSwitch.Writer), this, options ?? EslConnectionOptions.Default, logger ?? NullLogger.Instance, time);
        ReadLoop = Connection.RunAsync(CancellationToken.None);
    }

    public EslConnection Connection { get; }

    public Task ReadLoop { get; }

    public List<EslEvent> Events { get; } = [];

    public List<string> Notices { get; } = [];

    public Task<WireCommand?> ReadCommandAsync() => WireCommand.ReadAsync(_toSwitch.Reader, CancellationToken.None);

    public async Task SendAsync(string wire) => await _toClient.Writer.WriteAsync(Encoding.UTF8.GetBytes(wire));

    public async Task CloseAsync() => await _toClient.Writer.CompleteAsync();

    public void OnEvent(EslEvent eslEvent) => Events.Add(eslEvent);

    public void OnNotice(EslFrame frame)
    {
        using (frame)
        {
            Notices.Add(frame.ContentType);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await ReadLoop;
    }

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
