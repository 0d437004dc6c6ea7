import Dispatch

/// Runs blocking ledger work (SQLite reads and writes, the slow password hash) on Dispatch's
/// global queue, so that it never holds one of the few threads Swift's concurrency runs requests on.
func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try work() })
        }
    }
}
