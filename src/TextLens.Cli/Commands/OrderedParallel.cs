using System.Runtime.ExceptionServices;

namespace TextLens.Cli.Commands;

/// <summary>
/// Runs work items on several threads and hands the results to one consumer in item order, through a bounded
/// reorder buffer: a worker takes the next item only while fewer than <c>window</c> items are taken and not yet
/// consumed, so at most <c>window</c> results exist at once however many items there are.
/// </summary>
public static class OrderedParallel
{
    /// <summary>Runs <paramref name="work"/> on every item and <paramref name="consume"/> on the results in item order (on the calling thread).</summary>
    /// <returns>The most results that were taken and not yet consumed at any one time (at most <paramref name="window"/>).</returns>
    public static int Run<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> work, Action<TOut> consume, int degree, int window)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(consume);
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var state = new State<TOut>(window);
        using var stop = new CancellationTokenSource();
        using var permits = new SemaphoreSlim(window, window);
        int next = -1;
        int workers = Math.Min(degree, items.Count);

        void Worker()
        {
            try
            {
                while (true)
                {
                    permits.Wait(stop.Token);
                    int index = Interlocked.Increment(ref next);
                    if (index >= items.Count)
                    {
                        return;
                    }

                    state.Taken(index);
                    state.Put(index, work(items[index]));
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                state.Fail(ex);
                stop.Cancel();
            }
        }

        Task[] running = [.. Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))];
        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                TOut result = state.Take(i);
                consume(result);
                state.Consumed();
                permits.Release();
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            Task.WaitAll(running);
        }

        return state.Peak;
    }

    private sealed class State<TOut>(int window)
    {
        private readonly object _gate = new();
        private readonly TOut[] _slots = new TOut[window];
        private readonly bool[] _ready = new bool[window];
        private int _held;
        private ExceptionDispatchInfo? _failure;

        public int Peak { get; private set; }

        public void Taken(int index)
        {
            lock (_gate)
            {
                _held++;
                Peak = Math.Max(Peak, _held);
            }
        }

        public void Put(int index, TOut result)
        {
            lock (_gate)
            {
                _slots[index % window] = result;
                _ready[index % window] = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void Fail(Exception ex)
        {
            lock (_gate)
            {
                _failure ??= ExceptionDispatchInfo.Capture(ex);
                Monitor.PulseAll(_gate);
            }
        }

        public TOut Take(int index)
        {
            lock (_gate)
            {
                while (!_ready[index % window])
                {
                    _failure?.Throw();
                    Monitor.Wait(_gate);
                }

                TOut result = _slots[index % window];
                _slots[index % window] = default!;
                _ready[index % window] = false;
                return result;
            }
        }

        public void Consumed()
        {
            lock (_gate)
            {
                _held--;
            }
        }
    }
}
