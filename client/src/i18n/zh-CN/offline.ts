// Chinese for working without a connection: what is kept on the phone and sent later.
export default {
  offline: {
    banner: '现在没有网络。{kept}会先存在手机上，联网后自动发送，不会重复；{waits}要等联网后再做。',
    bannerOnlyKept: '现在没有网络。{kept}会先存在手机上，联网后自动发送，不会重复。',
    bannerNoneKept: '现在没有网络。所有操作都要等联网后再做。',
    kept: {
      COORDINATOR: '确认服务、发布需求、登记探访',
      VOLUNTEER: '兑换商品、转赠时间',
      CLERK: '兑换商品、撤销兑换',
      ELDER: '转赠时间',
    },
    waits: {
      COORDINATOR: '驳回、标记未到、修改和取消需求、撤销账目、登记人员、商品上架和补货',
      VOLUNTEER: '认领、签到、上报服务、退出认领',
      CLERK: '商品上架和补货',
    },
    missingTitle: '离线，联网后显示',
    missing: '这里的内容还没有在联网时打开过，手机上没有存下，联网后会自动显示。',
    stale: '这一页显示的是 {time} 联网时的内容，可能不是最新的。',
    postKept: '没有网络，已存在手机上：联网后会自动发布“{title}”。',
    visitKept: '没有网络，已存在手机上：联网后会自动登记对 {name} 的探访。',
    visitWaiting: '已登记，等联网发送',
    undoKept: '没有网络，已存在手机上：联网后会自动撤销 {name} 的兑换，退回 {total} 积分。',
  },
};
