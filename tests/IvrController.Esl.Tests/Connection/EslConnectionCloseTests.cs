using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using IvrController.Esl.Connection;
using IvrController.Esl.Framing;
using IvrController.Esl.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Esl.Tests.Connection;

/// <summary>
/// Closing a connection from this side is every call's last step (the controller ends each session once its flow is
/// done), so it must be cheap: the read waiting on the socket ends without an exception, since each one thrown costs
/// tens of microseconds of a call's CPU. Counted on a real loopback socket, as the controller's sessions read.
/// </summary>
public sealed class EslConnectionCloseTests
{
    /// <summary>Marks the code that runs on behalf of one test: the read loop's continuations carry it along.</summary>
    private static readonly AsyncLocal<ThrowCounter?> CurrentTest = new();

    static EslConnectionCloseTests() =>
        AppDomain.CurrentDomain.FirstChanceException += (_, e) => CurrentTest.Value?.Add(e);

    [Fact]
    public async Task A_session_that_closes_on_the_reply_it_awaited_throws_nothing_and_the_switch_sees_the_socket_close()
    {
        var thrown = new ThrowCounter();
        await using var pair = await SocketPair.OpenAsync();
        CurrentTest.Value = thrown;
        EslConnection connection = Open(pair);
        Task reading = connection.RunAsync(CancellationToken.None);

        // As a call's flow ends: its last command's reply resumes it on the read loop, which it then closes.
        Task<EslConnectionException> closing = CloseOnReplyAsync(connection);
        await pair.TheirsReceiveCommandAsync();
        await pair.Theirs.SendAsync("Content-Type: command/reply\nReply-Text: +OK bye\n\n"u8.ToArray(), SocketFlags.None);
        EslConnectionException reason = await closing.WaitAsync(TimeSpan.FromSeconds(10));
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("the connection was closed by this side", reason.Reason);
        Assert.Equal(0, await pair.TheirsReadsEndAsync());
        Assert.Empty(thrown.Seen);
    }

    [Fact]
    public async Task A_read_loop_stopped_by_its_token_still_ends_with_this_side_as_the_reason()
    {
        await using var pair = await SocketPair.OpenAsync();
        EslConnection connection = Open(pair);
        using var stop = new CancellationTokenSource();
        Task reading = connection.RunAsync(stop.Token);
        await WaitUntilReadingAsync(connection, pair);

        await stop.CancelAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("the connection was closed by this side", (await connection.Closed).Reason);
        Assert.False(connection.IsOpen);
        await connection.DisposeAsync();
    }

    private static EslConnection Open(SocketPair pair)
    {
        var transport = EslTransport.FromSocket(pair.Ours);
        return new EslConnection(transport, new IgnoringHandler(), EslConnectionOptions.Default, NullLogger.Instance, transportOwner: transport);
    }

    private static async Task<EslConnectionException> CloseOnReplyAsync(EslConnection connection)
    {
        CommandReply bye = await connection.SendCommandAsync(EslCommand.Exit()).ConfigureAwait(false);
        Assert.True(bye.IsOk);
        await connection.DisposeAsync().ConfigureAwait(false);
        return await connection.Closed.ConfigureAwait(false);
    }

    /// <summary>One command answered proves the read loop is past its start and waiting on the socket again.</summary>
    private static async Task WaitUntilReadingAsync(EslConnection connection, SocketPair pair)
    {
        Task<EslFrame> probe = connection.SendAsync(EslCommand.Api("status"));
        await pair.TheirsReceiveCommandAsync();
        await pair.Theirs.SendAsync("Content-Type: api/response\nContent-Length: 3\n\nUP\n"u8.ToArray(), SocketFlags.None);
        (await probe).Dispose();
    }

    private sealed class ThrowCounter
    {
        private readonly Lock _lock = new();
        private readonly List<Exception> _seen = [];

        public IReadOnlyList<Exception> Seen
        {
            get
            {
                lock (_lock)
                {
                    return [.. _seen];
                }
            }
        }

        public void Add(FirstChanceExceptionEventArgs e)
        {
            lock (_lock)
            {
                _seen.Add(e.Exception);
            }
        }
    }

    private sealed class IgnoringHandler : IEslFrameHandler
    {
        public void OnEvent(EslEvent eslEvent) => eslEvent.Dispose();

        public void OnNotice(EslFrame frame) => frame.Dispose();
    }

    /// <summary>Two connected loopback sockets: ours for the connection under test, theirs as the switch's end.</summary>
    private sealed class SocketPair : IAsyncDisposable
    {
        private SocketPair(Socket ours, Socket theirs)
        {
            Ours = ours;
            Theirs = theirs;
        }

        public Socket Ours { get; }

        public Socket Theirs { get; }

        public static async Task<SocketPair> OpenAsync()
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var ours = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Task<Socket> accepting = listener.AcceptAsync();
            await ours.ConnectAsync(listener.LocalEndPoint!);
            return new SocketPair(ours, await accepting);
        }

        /// <summary>Reads what the connection sent up to the end of a command (a blank line).</summary>
        public async Task TheirsReceiveCommandAsync()
        {
            var buffer = new byte[1024];
            var received = new List<byte>();
            while (!CollectionsMarshal.AsSpan(received).EndsWith("\n\n"u8))
            {
                int n = await Theirs.ReceiveAsync(buffer, SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));
                Assert.NotEqual(0, n);
                received.AddRange(buffer.AsSpan(0, n));
            }
        }

        /// <summary>What the switch's end reads once ours has closed: 0, the end of the stream.</summary>
        public async Task<int> TheirsReadsEndAsync() =>
            await Theirs.ReceiveAsync(new byte[64], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));

        public ValueTask DisposeAsync()
        {
            Ours.Dispose();
            Theirs.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
