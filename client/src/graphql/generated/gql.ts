/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    name\n    phone\n    roles\n    careCategories\n    birthYear\n    address\n    canLogIn\n  }\n}': typeof types.AddMemberDocument;
  'mutation AddProduct($input: AddProductInput!) {\n  addProduct(input: $input) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}': typeof types.AddProductDocument;
  'mutation CancelNeed($id: ID!, $reason: String!) {\n  cancelNeed(id: $id, reason: $reason) {\n    id\n    status\n    openSlots\n    cancelReason\n  }\n}': typeof types.CancelNeedDocument;
  'mutation CancelRedemption($id: ID!, $reason: String!) {\n  cancelRedemption(id: $id, reason: $reason) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        stock\n      }\n    }\n  }\n}': typeof types.CancelRedemptionDocument;
  'mutation CheckIn($claimId: ID!) {\n  checkIn(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.CheckInDocument;
  'mutation ClaimNeed($needId: ID!) {\n  claimNeed(needId: $needId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.ClaimNeedDocument;
  'subscription ClaimUpdated($siteId: ID!) {\n  claimUpdated(siteId: $siteId) {\n    id\n    status\n    volunteer {\n      id\n      name\n    }\n    need {\n      id\n      title\n      openSlots\n      status\n    }\n  }\n}': typeof types.ClaimUpdatedDocument;
  'mutation ConfirmService($claimId: ID!, $minutes: Int, $idempotencyKey: String!) {\n  confirmService(\n    claimId: $claimId\n    minutes: $minutes\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.ConfirmServiceDocument;
  'mutation CreateSite($input: CreateSiteInput!) {\n  createSite(input: $input) {\n    id\n    name\n    region\n    pointsPerHour\n    timeZone\n  }\n}': typeof types.CreateSiteDocument;
  'mutation DonateMinutes($toMemberId: ID!, $minutes: Int!, $note: String, $idempotencyKey: String!) {\n  donateMinutes(\n    toMemberId: $toMemberId\n    minutes: $minutes\n    note: $note\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    unit\n    amount\n    kind\n    createdAt\n    memo\n    toMember {\n      id\n      name\n    }\n  }\n}': typeof types.DonateMinutesDocument;
  'query Goods($siteId: ID!) {\n  products(siteId: $siteId, includeRetired: true) {\n    ...GoodsRow\n  }\n}\n\nfragment GoodsRow on Product {\n  id\n  name\n  pointsPrice\n  stock\n  unit\n  retired\n  photoUrl\n}\n\nmutation UpdateProduct($productId: ID!, $input: UpdateProductInput!) {\n  updateProduct(productId: $productId, input: $input) {\n    ...GoodsRow\n  }\n}\n\nmutation RetireProduct($productId: ID!) {\n  retireProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation RestoreProduct($productId: ID!) {\n  restoreProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation SetProductPhoto($productId: ID!, $photo: String) {\n  setProductPhoto(productId: $productId, photo: $photo) {\n    ...GoodsRow\n  }\n}': typeof types.GoodsDocument;
  'mutation Login($phone: String!, $password: String!) {\n  login(phone: $phone, password: $password) {\n    token\n    member {\n      id\n      name\n      phone\n      roles\n      site {\n        id\n        name\n        village\n        township\n        county\n        timeZone\n        pointsPerHour\n      }\n    }\n  }\n}': typeof types.LoginDocument;
  'mutation MarkNoShow($claimId: ID!) {\n  markNoShow(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.MarkNoShowDocument;
  'query MemberBalance($id: ID!) {\n  member(id: $id) {\n    id\n    name\n    phone\n    roles\n    balance {\n      minutes\n      points\n    }\n  }\n}': typeof types.MemberBalanceDocument;
  'query Members($siteId: ID!, $role: Role, $search: String, $first: Int, $after: String) {\n  members(\n    siteId: $siteId\n    role: $role\n    search: $search\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        phone\n        roles\n        careCategories\n        birthYear\n        address\n        canLogIn\n      }\n    }\n  }\n}': typeof types.MembersDocument;
  'query MyBalance {\n  viewer {\n    id\n    balance {\n      minutes\n      points\n    }\n  }\n}': typeof types.MyBalanceDocument;
  'query MyClaims($status: ClaimStatus, $first: Int, $after: String) {\n  viewer {\n    id\n    claims(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          claimedAt\n          checkedInAt\n          reportedAt\n          reportedMinutes\n          confirmedMinutes\n          pointsAwarded\n          rejectReason\n          closedAt\n          need {\n            id\n            title\n            category\n            startsAt\n            estimatedMinutes\n            beneficiary {\n              id\n              name\n              address\n            }\n            site {\n              id\n              village\n            }\n          }\n        }\n      }\n    }\n  }\n}': typeof types.MyClaimsDocument;
  'query MyTransfers($first: Int, $after: String) {\n  viewer {\n    id\n    transfers(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          unit\n          amount\n          kind\n          createdAt\n          memo\n          fromOwner\n          toOwner\n          fromMember {\n            id\n            name\n          }\n          toMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}': typeof types.MyTransfersDocument;
  'subscription NeedPosted($siteId: ID!) {\n  needPosted(siteId: $siteId) {\n    id\n    title\n    category\n    startsAt\n    status\n    openSlots\n  }\n}': typeof types.NeedPostedDocument;
  'query OpenNeeds($siteId: ID!, $category: ServiceCategory, $day: String, $first: Int, $after: String) {\n  needs(\n    siteId: $siteId\n    status: OPEN\n    category: $category\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        description\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n          address\n        }\n        site {\n          id\n          village\n        }\n      }\n    }\n  }\n}': typeof types.OpenNeedsDocument;
  'mutation PostNeed($input: PostNeedInput!) {\n  postNeed(input: $input) {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    slots\n    openSlots\n    status\n    beneficiary {\n      id\n      name\n    }\n  }\n}': typeof types.PostNeedDocument;
  'query Products($siteId: ID!) {\n  products(siteId: $siteId) {\n    id\n    name\n    pointsPrice\n    stock\n    unit\n    photoUrl\n  }\n}': typeof types.ProductsDocument;
  'query Queue($siteId: ID!) {\n  reported: claims(siteId: $siteId, status: REPORTED, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  notCheckedIn: claims(siteId: $siteId, status: CLAIMED, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  checkedIn: claims(siteId: $siteId, status: CHECKED_IN, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n}\n\nfragment QueueClaim on Claim {\n  id\n  status\n  checkedInAt\n  reportedAt\n  reportedMinutes\n  reportNote\n  overEstimate\n  rejectReason\n  volunteer {\n    id\n    name\n  }\n  need {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    beneficiary {\n      id\n      name\n    }\n  }\n}': typeof types.QueueDocument;
  'query Recipients($search: String!) {\n  recipients(search: $search) {\n    id\n    name\n    phone\n  }\n}': typeof types.RecipientsDocument;
  'mutation RecordVisit($input: RecordVisitInput!) {\n  recordVisit(input: $input) {\n    id\n    visitedAt\n    note\n    followUpNeeded\n    elder {\n      id\n      name\n    }\n  }\n}': typeof types.RecordVisitDocument;
  'mutation Redeem($input: RedeemInput!) {\n  redeem(input: $input) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        pointsPrice\n        stock\n      }\n    }\n  }\n}': typeof types.RedeemDocument;
  'fragment RedemptionReceipt on Redemption {\n  id\n  receiptNumber\n  createdAt\n  totalPoints\n  balanceAfter\n  status\n  cancelReason\n  canCancel\n  member {\n    id\n    name\n  }\n  items {\n    quantity\n    points\n    product {\n      id\n      name\n    }\n  }\n}': typeof types.RedemptionReceiptFragmentDoc;
  'query Redemptions($siteId: ID!, $memberId: ID, $day: String, $first: Int, $after: String) {\n  redemptions(\n    siteId: $siteId\n    memberId: $memberId\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pointsTaken\n    cancelledCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...RedemptionReceipt\n      }\n    }\n  }\n}': typeof types.RedemptionsDocument;
  'mutation RejectService($claimId: ID!, $reason: String!) {\n  rejectService(claimId: $claimId, reason: $reason) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.RejectServiceDocument;
  'mutation ReopenNeed($id: ID!) {\n  reopenNeed(id: $id) {\n    id\n    status\n    openSlots\n    claims {\n      id\n      status\n      closedAt\n    }\n  }\n}': typeof types.ReopenNeedDocument;
  'mutation ReportService($claimId: ID!, $minutes: Int!, $note: String) {\n  reportService(claimId: $claimId, minutes: $minutes, note: $note) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.ReportServiceDocument;
  'mutation RestockProduct($productId: ID!, $quantity: Int!) {\n  restockProduct(productId: $productId, quantity: $quantity) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}': typeof types.RestockProductDocument;
  'query ServiceRecord {\n  viewer {\n    id\n    name\n    serviceRecord {\n      totalMinutes\n      confirmedCount\n      rejectedCount\n      noShowCount\n      pointsEarned\n      certificateUrl\n    }\n  }\n}': typeof types.ServiceRecordDocument;
  'query SiteNeeds($siteId: ID!, $status: NeedStatus, $first: Int, $after: String) {\n  needs(siteId: $siteId, status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n        }\n        claims {\n          id\n          status\n          closedAt\n          volunteer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}': typeof types.SiteNeedsDocument;
  'query SiteReport($siteId: ID!, $month: String!) {\n  siteReport(siteId: $siteId, month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n    }\n  }\n}': typeof types.SiteReportDocument;
  'query SiteReports($month: String!) {\n  siteReports(month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n      region\n    }\n  }\n}': typeof types.SiteReportsDocument;
  'query SiteSettings($siteId: ID!) {\n  siteSettings(siteId: $siteId) {\n    ...SiteSettingsFields\n  }\n}\n\nfragment SiteSettingsFields on SiteSettings {\n  site {\n    id\n    pointsPerHour\n    timeZone\n    publicNotice\n  }\n  categoryRates {\n    category\n    pointsPerHour\n  }\n  staff {\n    member {\n      id\n      name\n    }\n    roles\n  }\n}\n\nmutation UpdateSiteSettings($input: UpdateSiteSettingsInput!) {\n  updateSiteSettings(input: $input) {\n    ...SiteSettingsFields\n  }\n}': typeof types.SiteSettingsDocument;
  'query Site($id: ID!) {\n  site(id: $id) {\n    id\n    name\n    region\n  }\n}': typeof types.SiteDocument;
  'query Sites($first: Int) {\n  sites(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        region\n        pointsPerHour\n      }\n    }\n  }\n}': typeof types.SitesDocument;
  'query Viewer {\n  viewer {\n    id\n    name\n    phone\n    roles\n    site {\n      id\n      name\n      village\n      township\n      county\n      timeZone\n      pointsPerHour\n    }\n  }\n}': typeof types.ViewerDocument;
  'query VisitCoverage($siteId: ID!, $month: String!) {\n  visitCoverage(siteId: $siteId, month: $month) {\n    month\n    dueCount\n    visitedCount\n    rate\n    unvisited {\n      id\n      name\n      address\n      careCategories\n    }\n    visits {\n      id\n      visitedAt\n      note\n      followUpNeeded\n      elder {\n        id\n        name\n      }\n      visitor {\n        id\n        name\n      }\n    }\n  }\n}': typeof types.VisitCoverageDocument;
  'mutation WithdrawClaim($claimId: ID!) {\n  withdrawClaim(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}': typeof types.WithdrawClaimDocument;
};
const documents: Documents = {
  'mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    name\n    phone\n    roles\n    careCategories\n    birthYear\n    address\n    canLogIn\n  }\n}':
    types.AddMemberDocument,
  'mutation AddProduct($input: AddProductInput!) {\n  addProduct(input: $input) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}':
    types.AddProductDocument,
  'mutation CancelNeed($id: ID!, $reason: String!) {\n  cancelNeed(id: $id, reason: $reason) {\n    id\n    status\n    openSlots\n    cancelReason\n  }\n}':
    types.CancelNeedDocument,
  'mutation CancelRedemption($id: ID!, $reason: String!) {\n  cancelRedemption(id: $id, reason: $reason) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        stock\n      }\n    }\n  }\n}':
    types.CancelRedemptionDocument,
  'mutation CheckIn($claimId: ID!) {\n  checkIn(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.CheckInDocument,
  'mutation ClaimNeed($needId: ID!) {\n  claimNeed(needId: $needId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.ClaimNeedDocument,
  'subscription ClaimUpdated($siteId: ID!) {\n  claimUpdated(siteId: $siteId) {\n    id\n    status\n    volunteer {\n      id\n      name\n    }\n    need {\n      id\n      title\n      openSlots\n      status\n    }\n  }\n}':
    types.ClaimUpdatedDocument,
  'mutation ConfirmService($claimId: ID!, $minutes: Int, $idempotencyKey: String!) {\n  confirmService(\n    claimId: $claimId\n    minutes: $minutes\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.ConfirmServiceDocument,
  'mutation CreateSite($input: CreateSiteInput!) {\n  createSite(input: $input) {\n    id\n    name\n    region\n    pointsPerHour\n    timeZone\n  }\n}':
    types.CreateSiteDocument,
  'mutation DonateMinutes($toMemberId: ID!, $minutes: Int!, $note: String, $idempotencyKey: String!) {\n  donateMinutes(\n    toMemberId: $toMemberId\n    minutes: $minutes\n    note: $note\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    unit\n    amount\n    kind\n    createdAt\n    memo\n    toMember {\n      id\n      name\n    }\n  }\n}':
    types.DonateMinutesDocument,
  'query Goods($siteId: ID!) {\n  products(siteId: $siteId, includeRetired: true) {\n    ...GoodsRow\n  }\n}\n\nfragment GoodsRow on Product {\n  id\n  name\n  pointsPrice\n  stock\n  unit\n  retired\n  photoUrl\n}\n\nmutation UpdateProduct($productId: ID!, $input: UpdateProductInput!) {\n  updateProduct(productId: $productId, input: $input) {\n    ...GoodsRow\n  }\n}\n\nmutation RetireProduct($productId: ID!) {\n  retireProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation RestoreProduct($productId: ID!) {\n  restoreProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation SetProductPhoto($productId: ID!, $photo: String) {\n  setProductPhoto(productId: $productId, photo: $photo) {\n    ...GoodsRow\n  }\n}':
    types.GoodsDocument,
  'mutation Login($phone: String!, $password: String!) {\n  login(phone: $phone, password: $password) {\n    token\n    member {\n      id\n      name\n      phone\n      roles\n      site {\n        id\n        name\n        village\n        township\n        county\n        timeZone\n        pointsPerHour\n      }\n    }\n  }\n}':
    types.LoginDocument,
  'mutation MarkNoShow($claimId: ID!) {\n  markNoShow(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.MarkNoShowDocument,
  'query MemberBalance($id: ID!) {\n  member(id: $id) {\n    id\n    name\n    phone\n    roles\n    balance {\n      minutes\n      points\n    }\n  }\n}':
    types.MemberBalanceDocument,
  'query Members($siteId: ID!, $role: Role, $search: String, $first: Int, $after: String) {\n  members(\n    siteId: $siteId\n    role: $role\n    search: $search\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        phone\n        roles\n        careCategories\n        birthYear\n        address\n        canLogIn\n      }\n    }\n  }\n}':
    types.MembersDocument,
  'query MyBalance {\n  viewer {\n    id\n    balance {\n      minutes\n      points\n    }\n  }\n}':
    types.MyBalanceDocument,
  'query MyClaims($status: ClaimStatus, $first: Int, $after: String) {\n  viewer {\n    id\n    claims(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          claimedAt\n          checkedInAt\n          reportedAt\n          reportedMinutes\n          confirmedMinutes\n          pointsAwarded\n          rejectReason\n          closedAt\n          need {\n            id\n            title\n            category\n            startsAt\n            estimatedMinutes\n            beneficiary {\n              id\n              name\n              address\n            }\n            site {\n              id\n              village\n            }\n          }\n        }\n      }\n    }\n  }\n}':
    types.MyClaimsDocument,
  'query MyTransfers($first: Int, $after: String) {\n  viewer {\n    id\n    transfers(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          unit\n          amount\n          kind\n          createdAt\n          memo\n          fromOwner\n          toOwner\n          fromMember {\n            id\n            name\n          }\n          toMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}':
    types.MyTransfersDocument,
  'subscription NeedPosted($siteId: ID!) {\n  needPosted(siteId: $siteId) {\n    id\n    title\n    category\n    startsAt\n    status\n    openSlots\n  }\n}':
    types.NeedPostedDocument,
  'query OpenNeeds($siteId: ID!, $category: ServiceCategory, $day: String, $first: Int, $after: String) {\n  needs(\n    siteId: $siteId\n    status: OPEN\n    category: $category\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        description\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n          address\n        }\n        site {\n          id\n          village\n        }\n      }\n    }\n  }\n}':
    types.OpenNeedsDocument,
  'mutation PostNeed($input: PostNeedInput!) {\n  postNeed(input: $input) {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    slots\n    openSlots\n    status\n    beneficiary {\n      id\n      name\n    }\n  }\n}':
    types.PostNeedDocument,
  'query Products($siteId: ID!) {\n  products(siteId: $siteId) {\n    id\n    name\n    pointsPrice\n    stock\n    unit\n    photoUrl\n  }\n}':
    types.ProductsDocument,
  'query Queue($siteId: ID!) {\n  reported: claims(siteId: $siteId, status: REPORTED, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  notCheckedIn: claims(siteId: $siteId, status: CLAIMED, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  checkedIn: claims(siteId: $siteId, status: CHECKED_IN, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n}\n\nfragment QueueClaim on Claim {\n  id\n  status\n  checkedInAt\n  reportedAt\n  reportedMinutes\n  reportNote\n  overEstimate\n  rejectReason\n  volunteer {\n    id\n    name\n  }\n  need {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    beneficiary {\n      id\n      name\n    }\n  }\n}':
    types.QueueDocument,
  'query Recipients($search: String!) {\n  recipients(search: $search) {\n    id\n    name\n    phone\n  }\n}':
    types.RecipientsDocument,
  'mutation RecordVisit($input: RecordVisitInput!) {\n  recordVisit(input: $input) {\n    id\n    visitedAt\n    note\n    followUpNeeded\n    elder {\n      id\n      name\n    }\n  }\n}':
    types.RecordVisitDocument,
  'mutation Redeem($input: RedeemInput!) {\n  redeem(input: $input) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        pointsPrice\n        stock\n      }\n    }\n  }\n}':
    types.RedeemDocument,
  'fragment RedemptionReceipt on Redemption {\n  id\n  receiptNumber\n  createdAt\n  totalPoints\n  balanceAfter\n  status\n  cancelReason\n  canCancel\n  member {\n    id\n    name\n  }\n  items {\n    quantity\n    points\n    product {\n      id\n      name\n    }\n  }\n}':
    types.RedemptionReceiptFragmentDoc,
  'query Redemptions($siteId: ID!, $memberId: ID, $day: String, $first: Int, $after: String) {\n  redemptions(\n    siteId: $siteId\n    memberId: $memberId\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pointsTaken\n    cancelledCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...RedemptionReceipt\n      }\n    }\n  }\n}':
    types.RedemptionsDocument,
  'mutation RejectService($claimId: ID!, $reason: String!) {\n  rejectService(claimId: $claimId, reason: $reason) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.RejectServiceDocument,
  'mutation ReopenNeed($id: ID!) {\n  reopenNeed(id: $id) {\n    id\n    status\n    openSlots\n    claims {\n      id\n      status\n      closedAt\n    }\n  }\n}':
    types.ReopenNeedDocument,
  'mutation ReportService($claimId: ID!, $minutes: Int!, $note: String) {\n  reportService(claimId: $claimId, minutes: $minutes, note: $note) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.ReportServiceDocument,
  'mutation RestockProduct($productId: ID!, $quantity: Int!) {\n  restockProduct(productId: $productId, quantity: $quantity) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}':
    types.RestockProductDocument,
  'query ServiceRecord {\n  viewer {\n    id\n    name\n    serviceRecord {\n      totalMinutes\n      confirmedCount\n      rejectedCount\n      noShowCount\n      pointsEarned\n      certificateUrl\n    }\n  }\n}':
    types.ServiceRecordDocument,
  'query SiteNeeds($siteId: ID!, $status: NeedStatus, $first: Int, $after: String) {\n  needs(siteId: $siteId, status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n        }\n        claims {\n          id\n          status\n          closedAt\n          volunteer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}':
    types.SiteNeedsDocument,
  'query SiteReport($siteId: ID!, $month: String!) {\n  siteReport(siteId: $siteId, month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n    }\n  }\n}':
    types.SiteReportDocument,
  'query SiteReports($month: String!) {\n  siteReports(month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n      region\n    }\n  }\n}':
    types.SiteReportsDocument,
  'query SiteSettings($siteId: ID!) {\n  siteSettings(siteId: $siteId) {\n    ...SiteSettingsFields\n  }\n}\n\nfragment SiteSettingsFields on SiteSettings {\n  site {\n    id\n    pointsPerHour\n    timeZone\n    publicNotice\n  }\n  categoryRates {\n    category\n    pointsPerHour\n  }\n  staff {\n    member {\n      id\n      name\n    }\n    roles\n  }\n}\n\nmutation UpdateSiteSettings($input: UpdateSiteSettingsInput!) {\n  updateSiteSettings(input: $input) {\n    ...SiteSettingsFields\n  }\n}':
    types.SiteSettingsDocument,
  'query Site($id: ID!) {\n  site(id: $id) {\n    id\n    name\n    region\n  }\n}': types.SiteDocument,
  'query Sites($first: Int) {\n  sites(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        region\n        pointsPerHour\n      }\n    }\n  }\n}':
    types.SitesDocument,
  'query Viewer {\n  viewer {\n    id\n    name\n    phone\n    roles\n    site {\n      id\n      name\n      village\n      township\n      county\n      timeZone\n      pointsPerHour\n    }\n  }\n}':
    types.ViewerDocument,
  'query VisitCoverage($siteId: ID!, $month: String!) {\n  visitCoverage(siteId: $siteId, month: $month) {\n    month\n    dueCount\n    visitedCount\n    rate\n    unvisited {\n      id\n      name\n      address\n      careCategories\n    }\n    visits {\n      id\n      visitedAt\n      note\n      followUpNeeded\n      elder {\n        id\n        name\n      }\n      visitor {\n        id\n        name\n      }\n    }\n  }\n}':
    types.VisitCoverageDocument,
  'mutation WithdrawClaim($claimId: ID!) {\n  withdrawClaim(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}':
    types.WithdrawClaimDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    name\n    phone\n    roles\n    careCategories\n    birthYear\n    address\n    canLogIn\n  }\n}',
): (typeof documents)['mutation AddMember($input: AddMemberInput!) {\n  addMember(input: $input) {\n    id\n    name\n    phone\n    roles\n    careCategories\n    birthYear\n    address\n    canLogIn\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation AddProduct($input: AddProductInput!) {\n  addProduct(input: $input) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}',
): (typeof documents)['mutation AddProduct($input: AddProductInput!) {\n  addProduct(input: $input) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CancelNeed($id: ID!, $reason: String!) {\n  cancelNeed(id: $id, reason: $reason) {\n    id\n    status\n    openSlots\n    cancelReason\n  }\n}',
): (typeof documents)['mutation CancelNeed($id: ID!, $reason: String!) {\n  cancelNeed(id: $id, reason: $reason) {\n    id\n    status\n    openSlots\n    cancelReason\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CancelRedemption($id: ID!, $reason: String!) {\n  cancelRedemption(id: $id, reason: $reason) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        stock\n      }\n    }\n  }\n}',
): (typeof documents)['mutation CancelRedemption($id: ID!, $reason: String!) {\n  cancelRedemption(id: $id, reason: $reason) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        stock\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CheckIn($claimId: ID!) {\n  checkIn(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation CheckIn($claimId: ID!) {\n  checkIn(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ClaimNeed($needId: ID!) {\n  claimNeed(needId: $needId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation ClaimNeed($needId: ID!) {\n  claimNeed(needId: $needId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'subscription ClaimUpdated($siteId: ID!) {\n  claimUpdated(siteId: $siteId) {\n    id\n    status\n    volunteer {\n      id\n      name\n    }\n    need {\n      id\n      title\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['subscription ClaimUpdated($siteId: ID!) {\n  claimUpdated(siteId: $siteId) {\n    id\n    status\n    volunteer {\n      id\n      name\n    }\n    need {\n      id\n      title\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ConfirmService($claimId: ID!, $minutes: Int, $idempotencyKey: String!) {\n  confirmService(\n    claimId: $claimId\n    minutes: $minutes\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation ConfirmService($claimId: ID!, $minutes: Int, $idempotencyKey: String!) {\n  confirmService(\n    claimId: $claimId\n    minutes: $minutes\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation CreateSite($input: CreateSiteInput!) {\n  createSite(input: $input) {\n    id\n    name\n    region\n    pointsPerHour\n    timeZone\n  }\n}',
): (typeof documents)['mutation CreateSite($input: CreateSiteInput!) {\n  createSite(input: $input) {\n    id\n    name\n    region\n    pointsPerHour\n    timeZone\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation DonateMinutes($toMemberId: ID!, $minutes: Int!, $note: String, $idempotencyKey: String!) {\n  donateMinutes(\n    toMemberId: $toMemberId\n    minutes: $minutes\n    note: $note\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    unit\n    amount\n    kind\n    createdAt\n    memo\n    toMember {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['mutation DonateMinutes($toMemberId: ID!, $minutes: Int!, $note: String, $idempotencyKey: String!) {\n  donateMinutes(\n    toMemberId: $toMemberId\n    minutes: $minutes\n    note: $note\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    unit\n    amount\n    kind\n    createdAt\n    memo\n    toMember {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Goods($siteId: ID!) {\n  products(siteId: $siteId, includeRetired: true) {\n    ...GoodsRow\n  }\n}\n\nfragment GoodsRow on Product {\n  id\n  name\n  pointsPrice\n  stock\n  unit\n  retired\n  photoUrl\n}\n\nmutation UpdateProduct($productId: ID!, $input: UpdateProductInput!) {\n  updateProduct(productId: $productId, input: $input) {\n    ...GoodsRow\n  }\n}\n\nmutation RetireProduct($productId: ID!) {\n  retireProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation RestoreProduct($productId: ID!) {\n  restoreProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation SetProductPhoto($productId: ID!, $photo: String) {\n  setProductPhoto(productId: $productId, photo: $photo) {\n    ...GoodsRow\n  }\n}',
): (typeof documents)['query Goods($siteId: ID!) {\n  products(siteId: $siteId, includeRetired: true) {\n    ...GoodsRow\n  }\n}\n\nfragment GoodsRow on Product {\n  id\n  name\n  pointsPrice\n  stock\n  unit\n  retired\n  photoUrl\n}\n\nmutation UpdateProduct($productId: ID!, $input: UpdateProductInput!) {\n  updateProduct(productId: $productId, input: $input) {\n    ...GoodsRow\n  }\n}\n\nmutation RetireProduct($productId: ID!) {\n  retireProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation RestoreProduct($productId: ID!) {\n  restoreProduct(productId: $productId) {\n    ...GoodsRow\n  }\n}\n\nmutation SetProductPhoto($productId: ID!, $photo: String) {\n  setProductPhoto(productId: $productId, photo: $photo) {\n    ...GoodsRow\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation Login($phone: String!, $password: String!) {\n  login(phone: $phone, password: $password) {\n    token\n    member {\n      id\n      name\n      phone\n      roles\n      site {\n        id\n        name\n        village\n        township\n        county\n        timeZone\n        pointsPerHour\n      }\n    }\n  }\n}',
): (typeof documents)['mutation Login($phone: String!, $password: String!) {\n  login(phone: $phone, password: $password) {\n    token\n    member {\n      id\n      name\n      phone\n      roles\n      site {\n        id\n        name\n        village\n        township\n        county\n        timeZone\n        pointsPerHour\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation MarkNoShow($claimId: ID!) {\n  markNoShow(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation MarkNoShow($claimId: ID!) {\n  markNoShow(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query MemberBalance($id: ID!) {\n  member(id: $id) {\n    id\n    name\n    phone\n    roles\n    balance {\n      minutes\n      points\n    }\n  }\n}',
): (typeof documents)['query MemberBalance($id: ID!) {\n  member(id: $id) {\n    id\n    name\n    phone\n    roles\n    balance {\n      minutes\n      points\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Members($siteId: ID!, $role: Role, $search: String, $first: Int, $after: String) {\n  members(\n    siteId: $siteId\n    role: $role\n    search: $search\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        phone\n        roles\n        careCategories\n        birthYear\n        address\n        canLogIn\n      }\n    }\n  }\n}',
): (typeof documents)['query Members($siteId: ID!, $role: Role, $search: String, $first: Int, $after: String) {\n  members(\n    siteId: $siteId\n    role: $role\n    search: $search\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        name\n        phone\n        roles\n        careCategories\n        birthYear\n        address\n        canLogIn\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query MyBalance {\n  viewer {\n    id\n    balance {\n      minutes\n      points\n    }\n  }\n}',
): (typeof documents)['query MyBalance {\n  viewer {\n    id\n    balance {\n      minutes\n      points\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query MyClaims($status: ClaimStatus, $first: Int, $after: String) {\n  viewer {\n    id\n    claims(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          claimedAt\n          checkedInAt\n          reportedAt\n          reportedMinutes\n          confirmedMinutes\n          pointsAwarded\n          rejectReason\n          closedAt\n          need {\n            id\n            title\n            category\n            startsAt\n            estimatedMinutes\n            beneficiary {\n              id\n              name\n              address\n            }\n            site {\n              id\n              village\n            }\n          }\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query MyClaims($status: ClaimStatus, $first: Int, $after: String) {\n  viewer {\n    id\n    claims(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          status\n          claimedAt\n          checkedInAt\n          reportedAt\n          reportedMinutes\n          confirmedMinutes\n          pointsAwarded\n          rejectReason\n          closedAt\n          need {\n            id\n            title\n            category\n            startsAt\n            estimatedMinutes\n            beneficiary {\n              id\n              name\n              address\n            }\n            site {\n              id\n              village\n            }\n          }\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query MyTransfers($first: Int, $after: String) {\n  viewer {\n    id\n    transfers(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          unit\n          amount\n          kind\n          createdAt\n          memo\n          fromOwner\n          toOwner\n          fromMember {\n            id\n            name\n          }\n          toMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query MyTransfers($first: Int, $after: String) {\n  viewer {\n    id\n    transfers(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          unit\n          amount\n          kind\n          createdAt\n          memo\n          fromOwner\n          toOwner\n          fromMember {\n            id\n            name\n          }\n          toMember {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'subscription NeedPosted($siteId: ID!) {\n  needPosted(siteId: $siteId) {\n    id\n    title\n    category\n    startsAt\n    status\n    openSlots\n  }\n}',
): (typeof documents)['subscription NeedPosted($siteId: ID!) {\n  needPosted(siteId: $siteId) {\n    id\n    title\n    category\n    startsAt\n    status\n    openSlots\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query OpenNeeds($siteId: ID!, $category: ServiceCategory, $day: String, $first: Int, $after: String) {\n  needs(\n    siteId: $siteId\n    status: OPEN\n    category: $category\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        description\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n          address\n        }\n        site {\n          id\n          village\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query OpenNeeds($siteId: ID!, $category: ServiceCategory, $day: String, $first: Int, $after: String) {\n  needs(\n    siteId: $siteId\n    status: OPEN\n    category: $category\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        description\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n          address\n        }\n        site {\n          id\n          village\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation PostNeed($input: PostNeedInput!) {\n  postNeed(input: $input) {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    slots\n    openSlots\n    status\n    beneficiary {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['mutation PostNeed($input: PostNeedInput!) {\n  postNeed(input: $input) {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    slots\n    openSlots\n    status\n    beneficiary {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Products($siteId: ID!) {\n  products(siteId: $siteId) {\n    id\n    name\n    pointsPrice\n    stock\n    unit\n    photoUrl\n  }\n}',
): (typeof documents)['query Products($siteId: ID!) {\n  products(siteId: $siteId) {\n    id\n    name\n    pointsPrice\n    stock\n    unit\n    photoUrl\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Queue($siteId: ID!) {\n  reported: claims(siteId: $siteId, status: REPORTED, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  notCheckedIn: claims(siteId: $siteId, status: CLAIMED, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  checkedIn: claims(siteId: $siteId, status: CHECKED_IN, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n}\n\nfragment QueueClaim on Claim {\n  id\n  status\n  checkedInAt\n  reportedAt\n  reportedMinutes\n  reportNote\n  overEstimate\n  rejectReason\n  volunteer {\n    id\n    name\n  }\n  need {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    beneficiary {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['query Queue($siteId: ID!) {\n  reported: claims(siteId: $siteId, status: REPORTED, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  notCheckedIn: claims(siteId: $siteId, status: CLAIMED, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n  checkedIn: claims(siteId: $siteId, status: CHECKED_IN, started: true, first: 50) {\n    totalCount\n    edges {\n      node {\n        ...QueueClaim\n      }\n    }\n  }\n}\n\nfragment QueueClaim on Claim {\n  id\n  status\n  checkedInAt\n  reportedAt\n  reportedMinutes\n  reportNote\n  overEstimate\n  rejectReason\n  volunteer {\n    id\n    name\n  }\n  need {\n    id\n    title\n    category\n    startsAt\n    estimatedMinutes\n    beneficiary {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Recipients($search: String!) {\n  recipients(search: $search) {\n    id\n    name\n    phone\n  }\n}',
): (typeof documents)['query Recipients($search: String!) {\n  recipients(search: $search) {\n    id\n    name\n    phone\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation RecordVisit($input: RecordVisitInput!) {\n  recordVisit(input: $input) {\n    id\n    visitedAt\n    note\n    followUpNeeded\n    elder {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['mutation RecordVisit($input: RecordVisitInput!) {\n  recordVisit(input: $input) {\n    id\n    visitedAt\n    note\n    followUpNeeded\n    elder {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation Redeem($input: RedeemInput!) {\n  redeem(input: $input) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        pointsPrice\n        stock\n      }\n    }\n  }\n}',
): (typeof documents)['mutation Redeem($input: RedeemInput!) {\n  redeem(input: $input) {\n    ...RedemptionReceipt\n    member {\n      id\n      balance {\n        minutes\n        points\n      }\n    }\n    items {\n      product {\n        id\n        pointsPrice\n        stock\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment RedemptionReceipt on Redemption {\n  id\n  receiptNumber\n  createdAt\n  totalPoints\n  balanceAfter\n  status\n  cancelReason\n  canCancel\n  member {\n    id\n    name\n  }\n  items {\n    quantity\n    points\n    product {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['fragment RedemptionReceipt on Redemption {\n  id\n  receiptNumber\n  createdAt\n  totalPoints\n  balanceAfter\n  status\n  cancelReason\n  canCancel\n  member {\n    id\n    name\n  }\n  items {\n    quantity\n    points\n    product {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Redemptions($siteId: ID!, $memberId: ID, $day: String, $first: Int, $after: String) {\n  redemptions(\n    siteId: $siteId\n    memberId: $memberId\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pointsTaken\n    cancelledCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...RedemptionReceipt\n      }\n    }\n  }\n}',
): (typeof documents)['query Redemptions($siteId: ID!, $memberId: ID, $day: String, $first: Int, $after: String) {\n  redemptions(\n    siteId: $siteId\n    memberId: $memberId\n    day: $day\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    pointsTaken\n    cancelledCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...RedemptionReceipt\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation RejectService($claimId: ID!, $reason: String!) {\n  rejectService(claimId: $claimId, reason: $reason) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation RejectService($claimId: ID!, $reason: String!) {\n  rejectService(claimId: $claimId, reason: $reason) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ReopenNeed($id: ID!) {\n  reopenNeed(id: $id) {\n    id\n    status\n    openSlots\n    claims {\n      id\n      status\n      closedAt\n    }\n  }\n}',
): (typeof documents)['mutation ReopenNeed($id: ID!) {\n  reopenNeed(id: $id) {\n    id\n    status\n    openSlots\n    claims {\n      id\n      status\n      closedAt\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation ReportService($claimId: ID!, $minutes: Int!, $note: String) {\n  reportService(claimId: $claimId, minutes: $minutes, note: $note) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation ReportService($claimId: ID!, $minutes: Int!, $note: String) {\n  reportService(claimId: $claimId, minutes: $minutes, note: $note) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation RestockProduct($productId: ID!, $quantity: Int!) {\n  restockProduct(productId: $productId, quantity: $quantity) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}',
): (typeof documents)['mutation RestockProduct($productId: ID!, $quantity: Int!) {\n  restockProduct(productId: $productId, quantity: $quantity) {\n    id\n    name\n    pointsPrice\n    stock\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ServiceRecord {\n  viewer {\n    id\n    name\n    serviceRecord {\n      totalMinutes\n      confirmedCount\n      rejectedCount\n      noShowCount\n      pointsEarned\n      certificateUrl\n    }\n  }\n}',
): (typeof documents)['query ServiceRecord {\n  viewer {\n    id\n    name\n    serviceRecord {\n      totalMinutes\n      confirmedCount\n      rejectedCount\n      noShowCount\n      pointsEarned\n      certificateUrl\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SiteNeeds($siteId: ID!, $status: NeedStatus, $first: Int, $after: String) {\n  needs(siteId: $siteId, status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n        }\n        claims {\n          id\n          status\n          closedAt\n          volunteer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}',
): (typeof documents)['query SiteNeeds($siteId: ID!, $status: NeedStatus, $first: Int, $after: String) {\n  needs(siteId: $siteId, status: $status, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        title\n        category\n        startsAt\n        estimatedMinutes\n        slots\n        openSlots\n        status\n        beneficiary {\n          id\n          name\n        }\n        claims {\n          id\n          status\n          closedAt\n          volunteer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SiteReport($siteId: ID!, $month: String!) {\n  siteReport(siteId: $siteId, month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n    }\n  }\n}',
): (typeof documents)['query SiteReport($siteId: ID!, $month: String!) {\n  siteReport(siteId: $siteId, month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SiteReports($month: String!) {\n  siteReports(month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n      region\n    }\n  }\n}',
): (typeof documents)['query SiteReports($month: String!) {\n  siteReports(month: $month) {\n    month\n    serviceMinutes\n    activeVolunteers\n    needsPosted\n    needsCompleted\n    pointsIssued\n    pointsRedeemed\n    visitRate\n    serviceCsvUrl\n    ledgerCsvUrl\n    site {\n      id\n      name\n      region\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SiteSettings($siteId: ID!) {\n  siteSettings(siteId: $siteId) {\n    ...SiteSettingsFields\n  }\n}\n\nfragment SiteSettingsFields on SiteSettings {\n  site {\n    id\n    pointsPerHour\n    timeZone\n    publicNotice\n  }\n  categoryRates {\n    category\n    pointsPerHour\n  }\n  staff {\n    member {\n      id\n      name\n    }\n    roles\n  }\n}\n\nmutation UpdateSiteSettings($input: UpdateSiteSettingsInput!) {\n  updateSiteSettings(input: $input) {\n    ...SiteSettingsFields\n  }\n}',
): (typeof documents)['query SiteSettings($siteId: ID!) {\n  siteSettings(siteId: $siteId) {\n    ...SiteSettingsFields\n  }\n}\n\nfragment SiteSettingsFields on SiteSettings {\n  site {\n    id\n    pointsPerHour\n    timeZone\n    publicNotice\n  }\n  categoryRates {\n    category\n    pointsPerHour\n  }\n  staff {\n    member {\n      id\n      name\n    }\n    roles\n  }\n}\n\nmutation UpdateSiteSettings($input: UpdateSiteSettingsInput!) {\n  updateSiteSettings(input: $input) {\n    ...SiteSettingsFields\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Site($id: ID!) {\n  site(id: $id) {\n    id\n    name\n    region\n  }\n}',
): (typeof documents)['query Site($id: ID!) {\n  site(id: $id) {\n    id\n    name\n    region\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Sites($first: Int) {\n  sites(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        region\n        pointsPerHour\n      }\n    }\n  }\n}',
): (typeof documents)['query Sites($first: Int) {\n  sites(first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        region\n        pointsPerHour\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Viewer {\n  viewer {\n    id\n    name\n    phone\n    roles\n    site {\n      id\n      name\n      village\n      township\n      county\n      timeZone\n      pointsPerHour\n    }\n  }\n}',
): (typeof documents)['query Viewer {\n  viewer {\n    id\n    name\n    phone\n    roles\n    site {\n      id\n      name\n      village\n      township\n      county\n      timeZone\n      pointsPerHour\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query VisitCoverage($siteId: ID!, $month: String!) {\n  visitCoverage(siteId: $siteId, month: $month) {\n    month\n    dueCount\n    visitedCount\n    rate\n    unvisited {\n      id\n      name\n      address\n      careCategories\n    }\n    visits {\n      id\n      visitedAt\n      note\n      followUpNeeded\n      elder {\n        id\n        name\n      }\n      visitor {\n        id\n        name\n      }\n    }\n  }\n}',
): (typeof documents)['query VisitCoverage($siteId: ID!, $month: String!) {\n  visitCoverage(siteId: $siteId, month: $month) {\n    month\n    dueCount\n    visitedCount\n    rate\n    unvisited {\n      id\n      name\n      address\n      careCategories\n    }\n    visits {\n      id\n      visitedAt\n      note\n      followUpNeeded\n      elder {\n        id\n        name\n      }\n      visitor {\n        id\n        name\n      }\n    }\n  }\n}'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'mutation WithdrawClaim($claimId: ID!) {\n  withdrawClaim(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}',
): (typeof documents)['mutation WithdrawClaim($claimId: ID!) {\n  withdrawClaim(claimId: $claimId) {\n    id\n    status\n    claimedAt\n    checkedInAt\n    reportedAt\n    reportedMinutes\n    reportNote\n    confirmedMinutes\n    pointsAwarded\n    rejectReason\n    settledAt\n    need {\n      id\n      openSlots\n      status\n    }\n  }\n}'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
