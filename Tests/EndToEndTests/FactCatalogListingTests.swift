import HechaHost
import Testing

/// `hecha rules` tells an admin every record and field a rule can use.
struct FactCatalogListingTests {
    @Test func everyCollectionIsListedWithItsFieldsTypesAndColumns() {
        let text = FactCatalogListing.text(ConnectorRegistry.known.factCatalog)
        for collection in ["household.payments[] — civil-affairs", "household.applications[] — civil-affairs",
                           "member.vehicles[] — vehicle-registry", "member.deaths[] — public-security", "member.accounts[] — banking",
                           "member.incomes[] — income", "member.businesses[] — market-regulation", "member.properties[] — real-estate",
                           "member.officials[] — officials", "member.subsidies[] — agri-subsidy"] {
            #expect(text.contains("\n" + collection + " ("), "\(collection) is not listed")
        }
        #expect(text.contains("  price       number?; 购置价格; yuan"))
        #expect(text.contains("last_review        date; 最近复核日期"))
    }
}
