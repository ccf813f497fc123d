// The GraphQL documents of issue 6's operations, as the bench and bench:profile send them.
export const Q = {
  needs: `query Needs($siteId: ID!) { needs(siteId: $siteId, status: OPEN, first: 20) { totalCount edges { node { id title category startsAt slots status beneficiary { id name } claims { id status volunteer { id name } } } } } }`,
  viewer: `query Viewer { viewer { id name balance { minutes points } transfers(first: 20) { totalCount edges { node { id unit amount kind createdAt memo } } } } }`,
  visitCoverage: `query Coverage($siteId: ID!, $month: String!) { visitCoverage(siteId: $siteId, month: $month) { month dueCount visitedCount rate unvisited { id name } visits { id visitedAt followUpNeeded elder { id name } } } }`,
  siteReport: `query Report($siteId: ID!, $month: String!) { siteReport(siteId: $siteId, month: $month) { month site { id name } serviceMinutes activeVolunteers needsPosted needsCompleted pointsIssued pointsRedeemed visitRate } }`,
  siteReports: `query Reports($month: String!) { siteReports(month: $month) { month site { id name } serviceMinutes activeVolunteers needsPosted needsCompleted pointsIssued pointsRedeemed visitRate } }`,
  confirmService: `mutation Confirm($claimId: ID!, $key: String!) { confirmService(claimId: $claimId, idempotencyKey: $key) { id status confirmedMinutes pointsAwarded } }`,
  redeem: `mutation Redeem($input: RedeemInput!) { redeem(input: $input) { id totalPoints status items { quantity points product { id name stock } } } }`,
};
