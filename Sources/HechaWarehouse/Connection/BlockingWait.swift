import Dispatch
import Synchronization

/// Runs async work to its end from synchronous code. The host reads its sources on Dispatch's
/// worker threads (never on Swift's cooperative pool), so waiting there on a semaphore cannot
/// starve the task it waits for.
enum BlockingWait {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let r: Result<T, any Error>
            do { r = .success(try await work()) } catch { r = .failure(error) }
            result.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
