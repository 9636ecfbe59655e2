using System.Net.Sockets;
using IvrController.Esl.Outbound;
using IvrController.Esl.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace IvrController.Esl.Tests.Outbound;

/// <summary>Runs alone: it counts this process's open files, which other tests' sockets would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

/// <summary>Ten thousand calls through one server: every session, socket and handler task is gone afterwards.</summary>
[Collection(AloneCollection.Name)]
public sealed class OutboundServerScaleTests
{
    private const int Calls = 10_000;
    private const int AtOnce = 500;

    private const string ConnectReply =
        "Event-Name: CHANNEL_DATA\nUnique-ID: 90627f73-842c-44c0-982d-e6dd07d7c7b1\nContent-Type: command/reply\nReply-Text: %2BOK%0A\nSocket-Mode: async\nControl: full\n\n";

    [Fact]
    public async Task Ten_thousand_sessions_open_and_close_without_leaving_a_session_a_socket_or_a_handler_behind()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        int handlersRunning = 0, handlersDone = 0;
        await using var server = new OutboundServer(
            new OutboundServerOptions { Port = 0 },
            async (session, cancellationToken) =>
            {
                Interlocked.Increment(ref handlersRunning);
                await Task.Yield();
                Interlocked.Decrement(ref handlersRunning);
                Interlocked.Increment(ref handlersDone);
            },
            NullLoggerFactory.Instance);
        await server.StartAsync();

        // One wave first: the runtime opens its own descriptors (socket engines, thread wake-ups) on first use.
        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => OneCallAsync(server, limit.Token)));
        int filesBefore = OpenFiles();

        // In waves, so the test itself never holds more than a few hundred sockets.
        for (int first = AtOnce; first < Calls; first += AtOnce)
        {
            await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => OneCallAsync(server, limit.Token)));
        }

        // The server forgets each session as its handler ends; give the last few a moment.
        for (int i = 0; i < 100 && (server.ActiveSessions > 0 || OpenFiles() > filesBefore); i++)
        {
            await Task.Delay(50, limit.Token);
        }

        Assert.Equal(Calls, Volatile.Read(ref handlersDone));
        Assert.Equal(0, Volatile.Read(ref handlersRunning));
        Assert.Equal(0, server.ActiveSessions);
        // A leak would be thousands; the runtime may still open a handful of its own.
        Assert.InRange(OpenFiles(), 0, filesBefore + 8);
    }

    private static async Task OneCallAsync(OutboundServer server, CancellationToken cancellationToken)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.LocalEndPoint, cancellationToken);
        await using var fake = new ScriptedSwitch(socket.GetStream());
        Assert.Equal("connect", (await fake.ReadCommandAsync(cancellationToken)).Line);
        await fake.SendAsync(ConnectReply);
        // myevents, the filters and linger: each answered as the switch does, in order.
        string verb;
        do
        {
            verb = (await fake.ReadCommandAsync(cancellationToken)).Line.Split(' ')[0];
            await fake.ReplyAsync(verb switch { "myevents" => "+OK Events Enabled", "linger" => "+OK will linger", _ => "+OK filter added." });
        }
        while (verb != "linger");
        Assert.Equal("exit", (await fake.ReadCommandAsync(cancellationToken)).Line);
        await fake.ReplyAsync("+OK bye");
        await fake.WaitForCloseAsync(cancellationToken);
    }

    /// <summary>This process's open file descriptors (sockets included); -1 where /proc is missing.</summary>
    private static int OpenFiles() => Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : -1;
}
