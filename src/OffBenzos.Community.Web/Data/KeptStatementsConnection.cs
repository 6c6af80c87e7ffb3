using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace OffBenzos.Community.Web.Data;

/// <summary>
/// A SQLite connection that stays open for the life of its pooled context and keeps the statements
/// it runs most prepared. Microsoft.Data.Sqlite parses and plans a command's SQL for each new
/// command, and finalises the result when the command is disposed or the connection closed; EF makes
/// a new command for every query. That parsing and planning was a fifth of a signed-in page's time
/// (docs/benchmarks.md). Doing this inside Microsoft.Data.Sqlite is dotnet/efcore#14044.
/// </summary>
/// <remarks>
/// EF calls <see cref="Close"/> when the context goes back to the pool; here that only rolls back
/// a transaction left open, as a real close would, and the connection stays open. It really closes
/// when EF disposes it (the pool is full, or the app stops). A connection is used by one context,
/// and a context by one request at a time, so nothing here is shared between threads.
/// </remarks>
internal sealed class KeptStatementsConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>How many statements a connection keeps: the hottest few dozen are what a page runs.</summary>
    internal const int Capacity = 64;

    private readonly Dictionary<string, LinkedListNode<KeptCommand>> _kept = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptCommand> _recent = new(); // most recently returned first
    private bool _disposing;

    /// <summary>How many statements this connection keeps now (for tests).</summary>
    internal int KeptCount => _kept.Count;

    protected override DbCommand CreateDbCommand() => new LeasedCommand(this);

    public override void Close()
    {
        if (_disposing)
        {
            base.Close();
            return;
        }
        // What a close does first: an unfinished transaction is rolled back.
        Transaction?.Dispose();
    }

    public override Task CloseAsync()
    {
        Close();
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposing = true;
            foreach (var command in _recent)
            {
                command.Dispose();
            }
            _recent.Clear();
            _kept.Clear();
        }
        base.Dispose(disposing);
    }

    private KeptCommand Rent(string sql)
    {
        if (_kept.Remove(sql, out var node))
        {
            _recent.Remove(node);
            return node.Value;
        }
        return new KeptCommand(sql, this);
    }

    private void Return(KeptCommand command)
    {
        // A command still reading, or a second copy of a statement already kept (the same query run
        // inside another's loop), is let go.
        if (_disposing || command.HasOpenReader || command.CommandText.Length == 0 || _kept.ContainsKey(command.CommandText))
        {
            command.Dispose();
            return;
        }
        // Only the text is kept: what the next query sets on it starts afresh.
        command.Parameters.Clear();
        command.Transaction = null;
        command.CommandTimeout = DefaultTimeout;
        _kept.Add(command.CommandText, _recent.AddFirst(command));
        if (_kept.Count > Capacity)
        {
            var oldest = _recent.Last!;
            _recent.RemoveLast();
            _kept.Remove(oldest.Value.CommandText);
            oldest.Value.Dispose();
        }
    }

    /// <summary>A command whose prepared statements outlive one execution.</summary>
    private sealed class KeptCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        public bool HasOpenReader => DataReader is not null;
    }

    /// <summary>
    /// What EF gets for each query: it lends the kept command for its text for as long as EF holds
    /// it, and gives it back when EF disposes it (after the reader).
    /// </summary>
    private sealed class LeasedCommand(KeptStatementsConnection connection) : DbCommand
    {
        private KeptCommand? _inner;

        private KeptCommand Inner => _inner ??= connection.Rent("");

        [AllowNull]
        public override string CommandText
        {
            get => _inner?.CommandText ?? "";
            set
            {
                value ??= "";
                if (_inner is null)
                {
                    _inner = connection.Rent(value);
                }
                else if (_inner.CommandText != value)
                {
                    var parameters = _inner.Parameters.Cast<SqliteParameter>().ToArray();
                    var transaction = _inner.Transaction;
                    _inner.Parameters.Clear();
                    connection.Return(_inner);
                    _inner = connection.Rent(value);
                    _inner.Parameters.AddRange(parameters);
                    _inner.Transaction = transaction;
                }
            }
        }

        public override int CommandTimeout { get => Inner.CommandTimeout; set => Inner.CommandTimeout = value; }
        public override CommandType CommandType { get => Inner.CommandType; set => Inner.CommandType = value; }
        public override bool DesignTimeVisible { get => Inner.DesignTimeVisible; set => Inner.DesignTimeVisible = value; }
        public override UpdateRowSource UpdatedRowSource { get => Inner.UpdatedRowSource; set => Inner.UpdatedRowSource = value; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set
            {
                if (value != connection)
                {
                    throw new NotSupportedException("A command of a connection that keeps its statements can't move to another connection.");
                }
            }
        }

        protected override DbTransaction? DbTransaction { get => Inner.Transaction; set => Inner.Transaction = (SqliteTransaction?)value; }
        protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

        public override void Cancel() { }
        public override void Prepare() => Inner.Prepare();
        protected override DbParameter CreateDbParameter() => new SqliteParameter();
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Inner.ExecuteReader(behavior);

        // Microsoft.Data.Sqlite runs everything synchronously; these spare the base class's wrapping.
        protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult<DbDataReader>(Inner.ExecuteReader(behavior));
        }

        public override int ExecuteNonQuery() => Inner.ExecuteNonQuery();
        public override object? ExecuteScalar() => Inner.ExecuteScalar();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _inner is not null)
            {
                connection.Return(_inner);
                _inner = null;
            }
            base.Dispose(disposing);
        }
    }
}
