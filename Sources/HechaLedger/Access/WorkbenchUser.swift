/// What a workbench user may do: an admin sees every lead and the statistics; a case worker sees,
/// changes and exports only the leads of households in their own township.
public enum WorkbenchRole: String, Sendable, CaseIterable, Codable {
    /// The county's administrator.
    case admin
    /// A township's case worker.
    case worker
}

/// One account of the workbench (`hecha users`), as the ledger's `users` table holds it, without
/// its password hash.
public struct WorkbenchUser: Sendable, Equatable {
    /// The login name.
    public var name: String
    /// Admin or worker.
    public var role: WorkbenchRole
    /// The worker's 镇街; nil for an admin.
    public var township: String?
    /// A disabled user cannot log in, and their open sessions end.
    public var disabled: Bool
    /// When the account was added (ISO 8601).
    public var createdAt: String

    /// Reads a `users` row.
    init(row: LedgerRow) throws(LedgerError) {
        name = try row("name")
        let r: String = try row("role")
        guard let role = WorkbenchRole(rawValue: r) else { throw LedgerError("user \(name) has an unknown role '\(r)' in the ledger") }
        self.role = role
        township = try row("township")
        disabled = try row("disabled")
        createdAt = try row("created_at")
    }

    /// True when this user may see and change `lead`: an admin any, a worker their township's.
    public func mayAccess(_ lead: Lead) -> Bool {
        role == .admin || lead.township == township
    }

    /// The township this user's lists are limited to: nil (all) for an admin.
    public var scope: String? { role == .admin ? nil : township }
}
