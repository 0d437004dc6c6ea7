import Foundation
import HechaCore
@testable import HechaRules
import Testing

/// A source kept as a warehouse table (`database:` and `table:`): the loader reads its settings
/// and refuses, with the place and a hint, a password in the URL, a bad URL, a table name that is
/// not one, an unknown engine or key, and a folder or program given as well.
struct WarehouseSourceLoadingTests {
    static func text(_ entry: String) -> String {
        Fixtures.header + """
            sources:
              vehicle-registry: \(entry)
            rules: []

            """
    }

    @Test func theTableItsRenamesAndEngineAreRead() throws {
        let path = Fixtures.file("region.yaml", Self.text(
            "{database: postgresql://hecha@127.0.0.1:6543/gov, table: ods.vehicle_register, columns: {所有人证件号码: owner_no}, engine: dws, key: row_id}"))
        let region = try RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog).load(regionPath: path)
        let source = try #require(region.sources.first)
        let warehouse = try #require(source.warehouse)
        #expect(warehouse == WarehouseSource(user: "hecha", host: "127.0.0.1", port: 6543, database: "gov", table: "ods.vehicle_register",
                                             columns: ["所有人证件号码": "owner_no"], engine: .dws, key: "row_id"))
        #expect(warehouse.displayURL == "postgresql://hecha@127.0.0.1:6543/gov")
        #expect(source.displayPath == "ods.vehicle_register" && source.path.isEmpty)
    }

    @Test func thePortDefaultsTo5432AndTheEngineToPostgreSQL() throws {
        let path = Fixtures.file("region.yaml", Self.text("{database: postgres://hecha@db.example/gov, table: vehicle_register}"))
        let region = try RegionLoader(rulesetsDirectory: Fixtures.rulesets, catalog: Fixtures.catalog).load(regionPath: path)
        let warehouse = try #require(region.sources.first?.warehouse)
        #expect(warehouse.port == 5432 && warehouse.engine == .postgresql && warehouse.table == "vehicle_register")
        #expect(warehouse.key == nil, "rows are named by their ctid unless key: names a column")
    }

    @Test func aKeyMustBeAColumnName() {
        for bad in ["{a: b}", "\"\"", "'row\"id'"] {
            let errors = Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1/gov, table: t, key: \(bad)}"))
            #expect(errors.contains { $0.hasPrefix("region.yaml:10:") && $0.contains("key: of source 'vehicle-registry' must be the name of the table's column that identifies a row") },
                    "key: \(bad): \(errors)")
        }
    }

    @Test func aPasswordInTheURLIsRefusedWhereItIsWritten() {
        let errors = Fixtures.errors(Self.text("{database: postgresql://hecha:secret@127.0.0.1/gov, table: t}"))
        #expect(errors.contains { $0.hasPrefix("region.yaml:10:32: error:") && $0.contains("database: of source 'vehicle-registry' must not hold a password")
                && $0.contains("PGPASSWORD") }, "\(errors)")
        #expect(!errors.joined().contains("secret"), "the message must not repeat the password")
    }

    @Test func aBadURLIsRefused() {
        #expect(Fixtures.errors(Self.text("{database: mysql://hecha@h/gov, table: t}")).contains {
            $0.contains("database: of source 'vehicle-registry' must be a postgresql:// URL")
        })
        #expect(Fixtures.errors(Self.text("{database: postgresql://127.0.0.1/gov, table: t}")).contains { $0.contains("must name the user") })
        #expect(Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1:99999/gov, table: t}")).contains { $0.contains("port") })
        #expect(Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1, table: t}")).contains { $0.contains("must name the database") })
    }

    @Test func aPathBesideADatabaseIsContradictory() {
        let errors = Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1/gov, table: t, path: data/vehicles}"))
        #expect(errors.contains { $0.contains("source 'vehicle-registry' has both database: and path:") && $0.contains("hint:") })
    }

    @Test func theTableIsRequiredAndMustBeAName() {
        #expect(Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1/gov}")).contains {
            $0.contains("source 'vehicle-registry' in a warehouse needs table:")
        })
        #expect(Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1/gov, table: \"t; drop table x\"}")).contains {
            $0.contains("table: of source 'vehicle-registry' must be a table name")
        })
    }

    @Test func anUnknownEngineOrKeyIsNamed() {
        #expect(Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1/gov, table: t, engine: greenplumm}")).contains {
            $0.contains("unknown engine 'greenplumm'") && $0.contains("greenplum")
        })
        #expect(Fixtures.errors(Self.text("{database: postgresql://hecha@127.0.0.1/gov, table: t, tabel: x}")).contains {
            $0.contains("unknown key 'tabel' in source 'vehicle-registry'")
        })
    }

    @Test func warehouseKeysWithoutADatabaseAreRefused() {
        #expect(Fixtures.errors(Self.text("{path: ., table: t}")).contains {
            $0.contains("table: of source 'vehicle-registry' is only for a source in a warehouse (database:)")
        })
    }
}
