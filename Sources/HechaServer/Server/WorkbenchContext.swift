import Hummingbird
import HechaLedger

/// What a request of the workbench carries past the session check: the logged-in session, if any.
public struct WorkbenchContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The session of the cookie, when it is live.
    public var session: WorkbenchSession?

    /// A context for a new request, not yet logged in.
    public init(source: Source) {
        coreContext = .init(source: source)
        session = nil
    }

    /// Bodies are JSON objects of a few fields; nothing larger is read.
    public var maxUploadSize: Int { 64 * 1024 }
}
