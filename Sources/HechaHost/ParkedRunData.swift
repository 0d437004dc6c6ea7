import Synchronization

/// Where a finished run's data — its roster and the facts kept for it — waits for the process to
/// exit when the run was asked to keep it (``RunRequest/keepsDataUntilExit``).
///
/// A city's roster and facts are tens of millions of small objects; freeing them one by one took
/// about a second of the 1M-person benchmark's run after its outputs were written, for memory the
/// operating system takes back at once when the process exits. The command line exits after its
/// runs, so it parks the data instead. At most one run's data is parked: the next run of the
/// process that keeps its data frees it before reading anything, so a run of several regions holds
/// one region's data at a time, as before.
enum ParkedRunData {
    private static let parked = Mutex<RegionData?>(nil)

    /// Keeps `data` until the process exits or the next run begins.
    static func park(_ data: RegionData) {
        let previous = parked.withLock { slot in
            let previous = slot
            slot = data
            return previous
        }
        _ = previous   // freed here, outside the lock, if a run was parked already
    }

    /// Frees the parked run's data, if any.
    static func release() {
        let previous = parked.withLock { slot in
            let previous = slot
            slot = nil
            return previous
        }
        _ = previous
    }

    /// Whether a run's data is parked.
    static var isHoldingData: Bool { parked.withLock { $0 != nil } }
}
