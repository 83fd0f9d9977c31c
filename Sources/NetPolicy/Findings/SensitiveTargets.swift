/// What counts as sensitive: databases (by well-known ports or labels), the
/// API server (its pods, or addresses given by the user) and the cloud
/// metadata address.
enum SensitiveTargets {
    /// Well-known ports of databases, caches and coordination stores.
    static let databasePorts: [UInt32: String] = [
        1433: "SQL Server", 1521: "Oracle", 2379: "etcd", 3306: "MySQL", 5432: "PostgreSQL", 5984: "CouchDB",
        6379: "Redis", 7000: "Cassandra", 9042: "Cassandra", 9200: "Elasticsearch", 11211: "Memcached",
        26257: "CockroachDB", 27017: "MongoDB", 28015: "RethinkDB", 8086: "InfluxDB", 7687: "Neo4j",
    ]

    /// Words that, in a workload's name or app labels, mark a database.
    static let databaseWords = [
        "mysql", "mariadb", "postgres", "postgresql", "mongo", "mongodb", "redis", "cassandra", "elasticsearch",
        "memcached", "etcd", "cockroach", "couchdb", "influxdb", "neo4j", "database", "db",
    ]

    static let appLabelKeys = ["app", "app.kubernetes.io/name", "app.kubernetes.io/component", "component", "tier", "role"]

    /// Why `endpoint` is a database, or nil.
    static func databaseReason(_ endpoint: Endpoint) -> String? {
        guard endpoint.kind == .pod else { return nil }
        if let port = endpoint.containerPorts.first(where: { $0.proto == .tcp && databasePorts[$0.port] != nil }),
           let product = databasePorts[port.port] {
            return "listens on TCP \(port.port) (\(product))"
        }
        for key in appLabelKeys {
            guard let value = endpoint.labels[key]?.lowercased() else { continue }
            if let word = databaseWords.first(where: { words(of: value).contains($0) }) { return "label \(key)=\(value) (\(word))" }
        }
        return nil
    }

    /// True for the API server's own pods (static pods labelled component=kube-apiserver).
    static func isAPIServer(_ endpoint: Endpoint) -> Bool {
        endpoint.kind == .pod && (endpoint.labels["component"] == "kube-apiserver" || endpoint.labels["app"] == "kube-apiserver")
    }

    private static func words(of value: String) -> [String] {
        value.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }
}
