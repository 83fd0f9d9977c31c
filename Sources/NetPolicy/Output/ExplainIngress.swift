extension ExplainReport {
    /// For each workload an Ingress or Route reaches, the explained groups of
    /// `{ingress-controller}` → workload: the workload's ingress policies
    /// judged against a pod of a controller namespace, and the Ingress/Route
    /// objects that forward (or do not forward) the connections.
    func ingressControllerGroups() -> [(Endpoint, [Group])] {
        guard !topology.ingressGrants.isEmpty else { return [] }
        var view = topology
        for (namespace, labels) in IngressRoutes.controllerNamespaces where view.namespaces[namespace] == nil {
            view.namespaces[namespace] = labels
        }
        let reasoner = ExplainReasoner(topology: view, shownNames: Dictionary(uniqueKeysWithValues: IngressRoutes.controllerPods.map {
            ($0.displayName, Endpoint.ingressController.displayName)
        }))
        return topology.endpoints.compactMap { destination in
            let grants = topology.ingressGrants.filter { $0.workload == destination.displayName }
            guard !grants.isEmpty, focus.includes(source: .ingressController, destination: destination) else { return nil }
            return (destination, groups(toward: destination, grants: grants, reasoner: reasoner))
        }
    }

    private func groups(toward destination: Endpoint, grants: [IngressRoutes.Grant], reasoner: ExplainReasoner) -> [Group] {
        var groups: [Group] = []
        for atom in ingressAtoms(toward: destination, grants: grants, topology: reasoner.topology) {
            let ingress = reason(toward: destination, on: atom, grants: grants, reasoner: reasoner)
            if let i = groups.firstIndex(where: { $0.ingress == ingress }) {
                groups[i].connections = groups[i].connections.union(atom)
            } else {
                groups.append(Group(connections: atom, egress: .allowAll, ingress: ingress))
            }
        }
        return groups
    }

    /// The policies' reason (allowing when any controller pod is allowed),
    /// joined with the Ingress/Route reasons, listed by kind.
    private func reason(toward destination: Endpoint, on atom: ConnectionSet, grants: [IngressRoutes.Grant],
                        reasoner: ExplainReasoner) -> ExplainReason {
        let reasons = IngressRoutes.controllerPods.map { reasoner.reason(.ingress, from: $0, to: destination, on: atom) }
        let policies = reasons.first(where: \.allowed) ?? reasons[0]
        let forwarding = grants.filter { $0.connections.isSuperset(of: atom) }
        let routeLines = forwarding.isEmpty
            ? grants.map { "\($0.kind) '\($0.object)' allows ingress to service \($0.service), but the protocols and ports do not match" }
            : forwarding.map { "\($0.kind) '\($0.object)' allows ingress connections through service \($0.service)" }
        var byKind: [String: [String]] = [:]
        for line in policies.items.flatMap(\.entries) + routeLines {
            byKind[String(line.prefix { $0 != " " }), default: []].append(line)
        }
        let items = byKind.keys.sorted().map { kind -> ExplainReason.Item in
            let entries = byKind[kind]!.sorted()
            return entries.count == 1 ? .line(entries[0]) : .list(kind: kind, entries: entries)
        }
        return ExplainReason(allowed: policies.allowed && !forwarding.isEmpty, endsInDefault: false, items: items)
    }

    private func ingressAtoms(toward destination: Endpoint, grants: [IngressRoutes.Grant], topology view: Topology) -> [ConnectionSet] {
        var cuts = grants.map(\.connections)
        for policy in view.model.policies where policy.rules(.ingress) != nil && policy.selector.selects(destination, in: view) {
            for rule in policy.rules(.ingress) ?? [] {
                cuts += IngressRoutes.controllerPods.map { rule.condition.connections(from: $0, to: destination, in: view) }
            }
        }
        var atoms = [universe]
        for cut in cuts where !cut.isEmpty {
            atoms = atoms.flatMap { [$0.intersection(cut), $0.subtracting(cut)].filter { !$0.isEmpty } }
        }
        return atoms
    }
}
