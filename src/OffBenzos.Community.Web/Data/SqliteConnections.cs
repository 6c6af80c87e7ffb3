using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace OffBenzos.Community.Web.Data;

/// <summary>
/// The app's open SQLite connections, each keeping the statements it runs most prepared, lent to a
/// context for one query or transaction at a time.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite parses and plans a command's SQL for each new command and finalises the
/// result when the command is disposed or its connection closed, and EF makes a new command for every
/// query: that was a fifth of a signed-in page's time (docs/benchmarks.md). Keeping statements needs
/// a connection that stays open, and it cannot be the one a context holds: a context lives as long
/// as its request, and a chat connection's request lasts for hours. So what EF holds is a
/// <see cref="LeasedSqliteConnection"/>, which borrows one of these while EF has it open, as
/// Microsoft.Data.Sqlite's own pool does with its connections. Doing this inside
/// Microsoft.Data.Sqlite is dotnet/efcore#14044.
/// </remarks>
internal sealed class SqliteConnections(string connectionString) : IDisposable
{
    /// <summary>
    /// How many open connections wait between loans; more are closed when they come back. SQLite's
    /// queries don't yield, so the connections lent at once are about the threads running requests.
    /// </summary>
    internal const int MaxIdle = 16;

    private const int BusyTimeoutMilliseconds = 5000;

    // This is the pool: a connection closed here must really close (and so roll back whatever it
    // was in), not wait in Microsoft.Data.Sqlite's pool for the next open.
    private readonly string _unpooled = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly ConcurrentStack<KeptStatementsConnection> _idle = new();
    private int _open;
    private bool _disposed;

    public string ConnectionString => connectionString;

    /// <summary>How many connections are open now, lent or waiting (for tests).</summary>
    internal int OpenCount => Volatile.Read(ref _open);

    internal KeptStatementsConnection Rent()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        // Last in, first out: the busiest few connections stay warm and the rest wait idle.
        if (_idle.TryPop(out var connection))
        {
            return connection;
        }
        connection = new KeptStatementsConnection(_unpooled);
        try
        {
            connection.Open();
            // Set through the C API: a PRAGMA would be one more statement to parse and run.
            // Concurrent writers wait for each other this long instead of failing at once.
            var status = SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutMilliseconds);
            SqliteException.ThrowExceptionForRC(status, connection.Handle);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        Interlocked.Increment(ref _open);
        return connection;
    }

    internal void Return(KeptStatementsConnection connection)
    {
        // Still inside a transaction (begun with SQL, so nothing ended it): closing rolls it back,
        // so the next borrower starts clean.
        var inTransaction = SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0;
        if (!inTransaction && _idle.Count < MaxIdle)
        {
            _idle.Push(connection);
            if (Volatile.Read(ref _disposed))
            {
                CloseIdle(); // the app stopped meanwhile
            }
            return;
        }
        Close(connection);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var connection))
        {
            Close(connection);
        }
    }

    private void Close(KeptStatementsConnection connection)
    {
        connection.Dispose();
        Interlocked.Decrement(ref _open);
    }
}

/// <summary>
/// An open SQLite connection that keeps its 64 most recently used statements prepared, by SQL text.
/// Used by one loan, so by one thread, at a time.
/// </summary>
internal sealed class KeptStatementsConnection(string connectionString) : SqliteConnection(connectionString)
{
    /// <summary>How many statements a connection keeps: the hottest few dozen are what a page runs.</summary>
    internal const int Capacity = 64;

    private readonly Dictionary<string, LinkedListNode<KeptCommand>> _kept = new(StringComparer.Ordinal);
    private readonly LinkedList<KeptCommand> _recent = new(); // most recently returned first

    internal int KeptCount => _kept.Count;

    /// <summary>The command kept for this text, or a new one; it is the caller's until it is returned.</summary>
    internal KeptCommand Rent(string sql)
    {
        if (_kept.Remove(sql, out var node))
        {
            _recent.Remove(node);
            return node.Value;
        }
        return new KeptCommand(sql, this);
    }

    internal void Return(KeptCommand command)
    {
        // A command still reading, or a second copy of a statement already kept (the same query run
        // inside another's loop), is let go.
        if (command.HasOpenReader || _kept.ContainsKey(command.CommandText) || State != ConnectionState.Open)
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _recent)
            {
                command.Dispose();
            }
            _recent.Clear();
            _kept.Clear();
        }
        base.Dispose(disposing);
    }

    /// <summary>A command whose prepared statements outlive one execution.</summary>
    internal sealed class KeptCommand(string sql, SqliteConnection connection) : SqliteCommand(sql, connection)
    {
        public bool HasOpenReader => DataReader is not null;
    }
}

/// <summary>
/// The connection EF holds for a context: open only while EF runs a query or a transaction, and
/// then backed by one of the app's <see cref="SqliteConnections"/>. Closing it rolls back a
/// transaction left unfinished and gives the connection back.
/// </summary>
internal sealed class LeasedSqliteConnection(SqliteConnections connections) : DbConnection
{
    private KeptStatementsConnection? _leased;
    private LeasedTransaction? _transaction;
    private readonly List<LeasedCommand> _executing = [];

    [AllowNull]
    public override string ConnectionString
    {
        get => connections.ConnectionString;
        set
        {
            if (value != connections.ConnectionString)
            {
                throw new NotSupportedException("This connection's database is set by the app's configuration.");
            }
        }
    }

    public override string Database => "main";
    public override string DataSource => new SqliteConnectionStringBuilder(connections.ConnectionString).DataSource;
    public override string ServerVersion => SQLitePCL.raw.sqlite3_libversion().utf8_to_string();
    public override ConnectionState State => _leased is null ? ConnectionState.Closed : ConnectionState.Open;
    protected override DbProviderFactory DbProviderFactory => SqliteFactory.Instance;

    /// <summary>How many statements the connection lent now keeps (for tests).</summary>
    internal int KeptCount => Leased.KeptCount;

    private KeptStatementsConnection Leased =>
        _leased ?? throw new InvalidOperationException("The connection is closed: open it first.");

    public override void ChangeDatabase(string databaseName) => throw new NotSupportedException();

    public override void Open()
    {
        if (_leased is null)
        {
            _leased = connections.Rent();
            OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
        }
    }

    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    public override void Close()
    {
        if (_leased is not { } leased)
        {
            return;
        }
        // As a real close does: an unfinished transaction is rolled back, and what still reads stops.
        _transaction?.Dispose();
        _transaction = null;
        // Backwards: each command takes itself off the list. No copy: this runs after every query.
        for (var i = _executing.Count - 1; i >= 0; i--)
        {
            _executing[i].Release();
        }
        _leased = null;
        connections.Return(leased);
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
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
            Close();
        }
        base.Dispose(disposing);
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        return _transaction = new LeasedTransaction(this, Leased.BeginTransaction(isolationLevel));
    }

    protected override DbCommand CreateDbCommand() => new LeasedCommand(this);

    /// <summary>
    /// What EF gets for each query: it borrows the lent connection's kept command for its text when
    /// it runs, and gives it back when EF disposes it (after the reader).
    /// </summary>
    private sealed class LeasedCommand(LeasedSqliteConnection connection) : DbCommand
    {
        private readonly Parameters _parameters = new();
        private (KeptStatementsConnection Owner, KeptStatementsConnection.KeptCommand Command)? _inner;
        private int? _timeout;

        [AllowNull]
        public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get => _timeout ?? connection._leased?.DefaultTimeout ?? 30; set => _timeout = value; }

        public override CommandType CommandType
        {
            get => CommandType.Text;
            set
            {
                if (value != CommandType.Text)
                {
                    throw new NotSupportedException("SQLite runs text commands only.");
                }
            }
        }

        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbParameterCollection DbParameterCollection => _parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set
            {
                if (value != connection)
                {
                    throw new NotSupportedException("This command belongs to its connection.");
                }
            }
        }

        public override void Cancel() { }
        public override void Prepare() => Borrow().Prepare();
        protected override DbParameter CreateDbParameter() => new SqliteParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            if (behavior.HasFlag(CommandBehavior.CloseConnection))
            {
                // The reader would close the lent connection, not this one.
                throw new NotSupportedException("CommandBehavior.CloseConnection is not supported here.");
            }
            return Borrow().ExecuteReader(behavior);
        }

        // Microsoft.Data.Sqlite runs everything synchronously; this spares the base class's wrapping.
        protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(ExecuteDbDataReader(behavior));
        }

        public override int ExecuteNonQuery()
        {
            try
            {
                return Borrow().ExecuteNonQuery();
            }
            finally
            {
                Release();
            }
        }

        public override object? ExecuteScalar()
        {
            try
            {
                return Borrow().ExecuteScalar();
            }
            finally
            {
                Release();
            }
        }

        /// <summary>Gives back the kept command (closing a reader still open on it).</summary>
        public void Release()
        {
            if (_inner is not var (owner, command))
            {
                return;
            }
            _inner = null;
            connection._executing.Remove(this);
            owner.Return(command); // which clears what this command set on it
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Release();
            }
            base.Dispose(disposing);
        }

        private KeptStatementsConnection.KeptCommand Borrow()
        {
            Release();
            var owner = connection.Leased;
            var command = owner.Rent(CommandText);
            foreach (SqliteParameter parameter in _parameters)
            {
                command.Parameters.Add(parameter);
            }
            command.Transaction = (DbTransaction as LeasedTransaction)?.Inner;
            command.CommandTimeout = CommandTimeout;
            _inner = (owner, command);
            connection._executing.Add(this);
            return command;
        }
    }

    /// <summary>SqliteParameterCollection's constructor is for derived classes only.</summary>
    private sealed class Parameters : SqliteParameterCollection;

    /// <summary>The lent connection's transaction, presented as this connection's (EF checks that it is).</summary>
    private sealed class LeasedTransaction(LeasedSqliteConnection connection, SqliteTransaction inner) : DbTransaction
    {
        public SqliteTransaction Inner => inner;
        public override IsolationLevel IsolationLevel => inner.IsolationLevel;
        protected override DbConnection DbConnection => connection;
        public override bool SupportsSavepoints => true;

        public override void Commit() => inner.Commit();
        public override void Rollback() => inner.Rollback();

        public override void Save(string savepointName) => inner.Save(savepointName);
        public override void Rollback(string savepointName) => inner.Rollback(savepointName);
        public override void Release(string savepointName) => inner.Release(savepointName);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                // Rolls back when neither committed nor rolled back, as SQLite's own does.
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
