namespace RaySharp.Objects;

/// <summary>
/// A producer whose value is ready elsewhere (a result kept on the node that made it) and is fetched here only when
/// something here needs it (Ray's pull on first use): told when a waiter registers on the entry or a poll asks.
/// </summary>
internal interface IFetchOnDemand
{
    /// <summary>Something here needs the value: <paramref name="waiter"/> registers (null: a poll); starts the fetch once.</summary>
    void OnDemand(IObjectWaiter? waiter);
}
