/**
 * The public WDT 旗舰版 methods (method, category 分类, Chinese name), copied from the vendor's
 * method index because shared/ reference material is not shipped with the package.
 */
export interface WdtMethodInfo {
	method: string;
	category: string;
	nameZh: string;
}

export const WDT_METHODS: readonly WdtMethodInfo[] = [
	{
		method: 'sales.TradeQuery.queryWithDetail',
		category: '订单',
		nameZh: '订单查询',
	},
	{
		method: 'sales.TradeQuery.queryHistoryWithDetail',
		category: '订单',
		nameZh: '历史订单查询',
	},
	{
		method: 'sales.TradeQuery.querySelfOrderWithDetail',
		category: '订单',
		nameZh: '订单查询（仅自有平台、线下平台）',
	},
	{
		method: 'sales.TradeQuery.queryHistorySelfOrderWithDetail',
		category: '订单',
		nameZh: '历史订单查询（仅自有平台、线下平台）',
	},
	{
		method: 'sales.TradeQuery.getLog',
		category: '订单',
		nameZh: '订单日志查询',
	},
	{
		method: 'sales.TradeQuery.getLog2',
		category: '订单',
		nameZh: '订单日志批量查询',
	},
	{
		method: 'sales.TradeQuery.getTradeMergedLog',
		category: '订单',
		nameZh: '被合并订单查询',
	},
	{ method: 'sales.RawTrade.pushSelf', category: '订单', nameZh: '原始单推送' },
	{
		method: 'sales.RawTrade.pushSelf2',
		category: '订单',
		nameZh: '原始单推送2',
	},
	{ method: 'sales.RawTrade.search', category: '订单', nameZh: '原始单查询' },
	{
		method: 'sales.RawTrade.searchHistory',
		category: '订单',
		nameZh: '历史原始单查询',
	},
	{
		method: 'sales.RawTrade.searchSelfOrder',
		category: '订单',
		nameZh: '原始单查询（仅自有平台、线下平台）',
	},
	{
		method: 'sales.RawTrade.searchHistorySelfOrder',
		category: '订单',
		nameZh: '历史原始单查询（仅自有平台、线下平台）',
	},
	{
		method: 'sales.LogisticsSync.getSyncListExt',
		category: '订单',
		nameZh: '待同步列表查询',
	},
	{
		method: 'sales.LogisticsSync.update',
		category: '订单',
		nameZh: '物流同步状态回传',
	},
	{
		method: 'sales.StockSync.cancelSync',
		category: '订单',
		nameZh: '取消当前同步',
	},
	{
		method: 'sales.StockSync.syncFail',
		category: '订单',
		nameZh: '库存同步失败',
	},
	{
		method: 'sales.StockSync.syncSuccess',
		category: '订单',
		nameZh: '库存同步成功',
	},
	{
		method: 'sales.StockSync.getSelfWaitSyncIdListOpen',
		category: '订单',
		nameZh: '获取自有平台货品需要同步信息',
	},
	{
		method: 'sales.StockSync.calcStock',
		category: '订单',
		nameZh: '库存同步计算查询',
	},
	{
		method: 'sales.StockSync.batchCalcStock',
		category: '订单',
		nameZh: '库存同步计算查询（批量）',
	},
	{
		method: 'sales.TradeEdit.modifyRemark',
		category: '订单',
		nameZh: '订单客服备注修改',
	},
	{
		method: 'sales.TradeEdit.toException',
		category: '订单',
		nameZh: '订单转异常',
	},
	{
		method: 'sales.TradeEdit.uploadChangeGoodsByApi',
		category: '订单',
		nameZh: '优先级换货策略写入和更新',
	},
	{
		method: 'sales.TradeImport.upload',
		category: '订单',
		nameZh: '已完成订单推送',
	},
	{
		method: 'sales.Payment.queryWithDetail',
		category: '订单',
		nameZh: '销售收付单查询',
	},
	{
		method: 'sales.jit.JitRefund.search',
		category: '订单',
		nameZh: 'JIT退货单查询',
	},
	{
		method: 'wms.stockout.Sales.queryWithDetail',
		category: '订单',
		nameZh: '销售出库单查询',
	},
	{
		method: 'wms.stockout.Sales.queryHistoryWithDetail',
		category: '订单',
		nameZh: '历史销售出库单查询',
	},
	{
		method: 'wms.stockout.Sales.weighingExt',
		category: '订单',
		nameZh: '重量回传',
	},
	{
		method: 'wms.stockout.Sales.onceWeighing',
		category: '订单',
		nameZh: '重量回传2',
	},
	{
		method: 'wms.stockout.Sales.onceWeighingByNo',
		category: '订单',
		nameZh: '重量回传3',
	},
	{
		method: 'wms.stockout.Sales.salesWeighing',
		category: '订单',
		nameZh: '重量回传4',
	},
	{
		method: 'wms.stockout.Sales.searchLogistics',
		category: '订单',
		nameZh: '物流单查询',
	},
	{
		method: 'wms.stockout.Sales.searchPositionDetail',
		category: '订单',
		nameZh: '销售出库实际出库明细查询',
	},
	{
		method: 'wms.stockout.Sales.searchCancel',
		category: '订单',
		nameZh: '已取消出库单查询',
	},
	{
		method: 'finance.invoice.InvoiceOrder.search',
		category: '订单',
		nameZh: '发票信息查询',
	},
	{
		method: 'finance.invoice.InvoiceOrder.updateInvoice',
		category: '订单',
		nameZh: '发票信息更新',
	},
	{
		method: 'finance.RawPayment.search',
		category: '订单',
		nameZh: '平台账单查询',
	},
	{
		method: 'finance.RawPayment.push',
		category: '订单',
		nameZh: '平台账单推送',
	},
	{
		method: 'finance.AlipayAccountCheck.search',
		category: '订单',
		nameZh: '平台对账单查询',
	},
	{
		method: 'finance.Payment.search',
		category: '订单',
		nameZh: '收付款单查询',
	},
	{
		method: 'setting.CustomAttr.getTradeLabel',
		category: '订单',
		nameZh: '订单标签查询',
	},
	{
		method: 'setting.Logistics.queryLogistics',
		category: '基础',
		nameZh: '物流公司查询',
	},
	{
		method: 'setting.PurchaseProvider.queryDetail',
		category: '基础',
		nameZh: '供应商查询',
	},
	{
		method: 'setting.PurchaseProvider.push',
		category: '基础',
		nameZh: '供应商信息推送',
	},
	{
		method: 'setting.Warehouse.queryWarehouse',
		category: '基础',
		nameZh: '仓库查询',
	},
	{ method: 'setting.Shop.queryShop', category: '基础', nameZh: '店铺查询' },
	{ method: 'setting.Shop.updateShop', category: '基础', nameZh: '店铺更新' },
	{ method: 'setting.Employee.search', category: '基础', nameZh: '员工查询' },
	{
		method: 'setting.strategy.VirtualWarehouse.warehouseSearch',
		category: '基础',
		nameZh: '虚拟仓仓库查询',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.query',
		category: '基础',
		nameZh: '虚拟仓信息查询',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.stockSearch',
		category: '基础',
		nameZh: '虚拟仓库存查询',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.create',
		category: '基础',
		nameZh: '虚拟仓单据创建',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.orderSearch',
		category: '基础',
		nameZh: '虚拟仓单据查询',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.strategyAllocationCreate',
		category: '基础',
		nameZh: '虚拟仓库存分配策略创建',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.strategyAllocationQuery',
		category: '基础',
		nameZh: '虚拟仓库存分配策略查询',
	},
	{
		method: 'setting.strategy.VirtualWarehouse.reserveExtractAdd',
		category: '基础',
		nameZh: '虚拟仓库存释放策略新建',
	},
	{
		method: 'setting.OperationReason.search',
		category: '基础',
		nameZh: '退换原因查询',
	},
	{
		method: 'setting.Address.provinceSearch',
		category: '基础',
		nameZh: '地址查询-省',
	},
	{
		method: 'setting.Address.citySearch',
		category: '基础',
		nameZh: '地址查询-市',
	},
	{
		method: 'setting.Address.districtSearch',
		category: '基础',
		nameZh: '地址查询-区',
	},
	{
		method: 'composite.Composite.checkOrderByApi',
		category: '基础',
		nameZh: '综合审核接口',
	},
	{ method: 'goods.Goods.push', category: '货品', nameZh: '货品推送' },
	{ method: 'goods.Goods.push2', category: '货品', nameZh: '货品推送2' },
	{ method: 'goods.Goods.batchPush', category: '货品', nameZh: '货品批量推送' },
	{
		method: 'goods.Goods.queryWithSpec',
		category: '货品',
		nameZh: '货品档案查询',
	},
	{ method: 'goods.Suite.search', category: '货品', nameZh: '组合装查询' },
	{
		method: 'goods.Suite.upload2',
		category: '货品',
		nameZh: '组合装创建/更新',
	},
	{ method: 'goods.ApiGoods.search', category: '货品', nameZh: '平台货品查询' },
	{ method: 'goods.ApiGoods.upload', category: '货品', nameZh: '平台货品推送' },
	{
		method: 'goods.GoodsClass.search',
		category: '货品',
		nameZh: '货品分类查询',
	},
	{ method: 'goods.GoodsClass.upload', category: '货品', nameZh: '新建分类' },
	{ method: 'goods.GoodsBrand.search', category: '货品', nameZh: '品牌查询' },
	{
		method: 'goods.GoodsBrand.upload',
		category: '货品',
		nameZh: '货品品牌新建/更新',
	},
	{ method: 'goods.Category.search', category: '货品', nameZh: '平台类目查询' },
	{ method: 'goods.Barcode.upload', category: '货品', nameZh: '条码上传' },
	{ method: 'process.Bom.upload', category: '货品', nameZh: '物料清单推送' },
	{ method: 'process.Bom.search', category: '货品', nameZh: '物料清单查询' },
	{ method: 'process.Process.upload', category: '货品', nameZh: '生产单推送' },
	{ method: 'process.Process.search', category: '货品', nameZh: '生产单查询' },
	{
		method: 'finance.settle.process.search',
		category: '货品',
		nameZh: '生产结算单查询',
	},
	{
		method: 'purchase.ProviderGoods.queryDetail',
		category: '采购',
		nameZh: '供应商货品查询',
	},
	{
		method: 'purchase.ProviderGoods.upload',
		category: '采购',
		nameZh: '供应商货品推送',
	},
	{
		method: 'purchase.PurchaseOrder.queryWithDetail',
		category: '采购',
		nameZh: '采购单及明细查询',
	},
	{
		method: 'purchase.PurchaseOrder.createOrder',
		category: '采购',
		nameZh: '采购单新建',
	},
	{
		method: 'purchase.PurchaseOrder.cancelOrder',
		category: '采购',
		nameZh: '采购单取消',
	},
	{
		method: 'purchase.PurchaseOrder.cancelByType',
		category: '采购',
		nameZh: '采购单取消（新）',
	},
	{
		method: 'purchase.PurchaseOrder.pending',
		category: '采购',
		nameZh: '采购单停止等待',
	},
	{
		method: 'purchase.PurchaseOrder.updatePurchaseInfo',
		category: '采购',
		nameZh: '采购单标记更新',
	},
	{
		method: 'purchase.PurchaseReturn.queryWithDetail',
		category: '采购',
		nameZh: '采购退货单及明细查询',
	},
	{
		method: 'purchase.PurchaseReturn.createOrder',
		category: '采购',
		nameZh: '采购退货单新建推送',
	},
	{
		method: 'purchase.PurchaseReturn.cancelOrder',
		category: '采购',
		nameZh: '采购退货单取消推送',
	},
	{
		method: 'purchase.PurchaseReturn.batchCancelOrder',
		category: '采购',
		nameZh: '采购退货批量取消',
	},
	{
		method: 'purchase.PurchaseReturn.pending',
		category: '采购',
		nameZh: '采购退货单停止等待',
	},
	{
		method: 'purchase.PurchaseApply.upload',
		category: '采购',
		nameZh: '采购申请单创建',
	},
	{
		method: 'purchase.PurchaseApply.search',
		category: '采购',
		nameZh: '采购申请单查询',
	},
	{
		method: 'purchase.PurchaseApply.cancelForApi',
		category: '采购',
		nameZh: '采购申请单取消',
	},
	{
		method: 'purchase.PurchaseApply.stopForApi',
		category: '采购',
		nameZh: '采购申请单停止引用',
	},
	{
		method: 'purchase.StockInPreOrder.search',
		category: '采购',
		nameZh: '预约入库单查询',
	},
	{
		method: 'wms.stockin.Purchase.upload',
		category: '采购',
		nameZh: '采购入库单推送',
	},
	{
		method: 'wms.stockin.Purchase.queryWithDetail',
		category: '采购',
		nameZh: '采购入库单查询',
	},
	{
		method: 'wms.stockin.Purchase.cancel',
		category: '采购',
		nameZh: '采购入库单取消',
	},
	{
		method: 'wms.stockin.Purchase.quickCreateByApi',
		category: '采购',
		nameZh: '快速采购入库单创建',
	},
	{
		method: 'wms.stockout.PurchaseReturn.queryWithDetail',
		category: '采购',
		nameZh: '采购退货出库单查询',
	},
	{
		method: 'wms.stockout.PurchaseReturn.createOrder',
		category: '采购',
		nameZh: '采购退货出库单创建',
	},
	{
		method: 'finance.settle.Purchase.search',
		category: '采购',
		nameZh: '采购结算单查询',
	},
	{
		method: 'finance.settle.Purchase.upload',
		category: '采购',
		nameZh: '创建采购结算单',
	},
	{
		method: 'finance.settle.PurchaseReturn.search',
		category: '采购',
		nameZh: '采购退货结算单查询',
	},
	{
		method: 'finance.settle.PurchaseReturn.upload',
		category: '采购',
		nameZh: '创建采购退货结算单',
	},
	{ method: 'wms.StockSpec.search', category: '库存', nameZh: '库存查询' },
	{ method: 'wms.StockSpec.search2', category: '库存', nameZh: '库存查询2' },
	{
		method: 'wms.StockSpec.queryAvailableStock',
		category: '库存',
		nameZh: '可用库存查询',
	},
	{
		method: 'wms.StockSpec.queryChangeHistory',
		category: '库存',
		nameZh: '库存变化查询',
	},
	{
		method: 'wms.StockSpec.stockDetailSearch',
		category: '库存',
		nameZh: '库存明细查询',
	},
	{
		method: 'wms.StockPd.stockSyncByPd',
		category: '库存',
		nameZh: '创建盘点单',
	},
	{
		method: 'wms.StockPd.queryStockPd',
		category: '库存',
		nameZh: '盘点单查询',
	},
	{
		method: 'wms.StockPd.queryStockPdDetail',
		category: '库存',
		nameZh: '盘点单明细查询',
	},
	{
		method: 'wms.StockPd.queryStockPdInDetail',
		category: '库存',
		nameZh: '盘点入库单查询',
	},
	{
		method: 'wms.StockPd.queryStockPdOutDetail',
		category: '库存',
		nameZh: '盘点出库单查询',
	},
	{
		method: 'wms.MoveOrder.queryWithDetail',
		category: '库存',
		nameZh: '移位单查询',
	},
	{
		method: 'wms.stockin.Other.createOtherOrder',
		category: '库存',
		nameZh: '其它入库单新建',
	},
	{
		method: 'wms.stockin.Other.queryWithDetail',
		category: '库存',
		nameZh: '其它入库单查询',
	},
	{
		method: 'wms.stockin.Other.cancelOtherOrder',
		category: '库存',
		nameZh: '其它入库单取消',
	},
	{
		method: 'wms.stockout.Other.createOther',
		category: '库存',
		nameZh: '其它出库单新建',
	},
	{
		method: 'wms.stockout.OtherQuery.queryWithDetail',
		category: '库存',
		nameZh: '其它出库单查询',
	},
	{
		method: 'wms.stockout.Other.cancelOtherOrder',
		category: '库存',
		nameZh: '其它出库单取消',
	},
	{
		method: 'wms.stockin.Transfer.queryWithDetail',
		category: '库存',
		nameZh: '调拨入库单查询',
	},
	{
		method: 'wms.stockin.Transfer.createOrder',
		category: '库存',
		nameZh: '调拨入库单新建',
	},
	{
		method: 'wms.stockin.Transfer.cancelOrder',
		category: '库存',
		nameZh: '调拨单入库取消',
	},
	{
		method: 'wms.stockout.Transfer.queryWithDetail',
		category: '库存',
		nameZh: '调拨出库单查询',
	},
	{
		method: 'wms.stockout.Transfer.createOrder',
		category: '库存',
		nameZh: '调拨出库单新建',
	},
	{
		method: 'wms.stockout.Transfer.cancelOrder',
		category: '库存',
		nameZh: '调拨单出库取消',
	},
	{
		method: 'wms.stocktransfer.Manage.queryWithDetail',
		category: '库存',
		nameZh: '调拨单查询',
	},
	{
		method: 'wms.stocktransfer.Manage.cancelOrder',
		category: '库存',
		nameZh: '调拨单取消',
	},
	{
		method: 'wms.stocktransfer.Manage.pending',
		category: '库存',
		nameZh: '调拨单停止等待',
	},
	{
		method: 'wms.stocktransfer.Edit.createOrder',
		category: '库存',
		nameZh: '调拨单新建',
	},
	{
		method: 'wms.StockShelve.queryWithDetail',
		category: '库存',
		nameZh: '补货单查询',
	},
	{
		method: 'wms.stockother.In.push',
		category: '库存',
		nameZh: '其它入库业务单创建',
	},
	{
		method: 'wms.stockother.InQuery.queryWithDetail',
		category: '库存',
		nameZh: '其它入库业务单查询',
	},
	{
		method: 'wms.stockother.In.cancelOrder',
		category: '库存',
		nameZh: '其它入库业务单据取消',
	},
	{
		method: 'wms.stockother.Out.push',
		category: '库存',
		nameZh: '其它出库业务单创建',
	},
	{
		method: 'wms.stockother.OutQuery.queryWithDetail',
		category: '库存',
		nameZh: '其它出库业务单查询',
	},
	{
		method: 'wms.stockother.Out.cancelOrder',
		category: '库存',
		nameZh: '其它出库业务单据取消',
	},
	{
		method: 'wms.stockout.Process.queryWithDetail',
		category: '库存',
		nameZh: '生产出库查询',
	},
	{
		method: 'wms.stockin.Process.queryWithDetail',
		category: '库存',
		nameZh: '生产入库查询',
	},
	{
		method: 'wms.outer.OuterOut.createOrder',
		category: '库存',
		nameZh: '外仓调整出库单创建',
	},
	{
		method: 'wms.outer.OuterOut.queryWithDetail',
		category: '库存',
		nameZh: '外仓调整出库单查询',
	},
	{
		method: 'wms.outer.OuterIn.createOrder',
		category: '库存',
		nameZh: '外仓调整入库单创建',
	},
	{
		method: 'wms.outer.OuterIn.queryWithDetail',
		category: '库存',
		nameZh: '外仓调整入库单查询',
	},
	{
		method: 'wms.outer.OuterTransfer.createByApi',
		category: '库存',
		nameZh: '外仓快速调拨',
	},
	{
		method: 'wms.stockdefect.DefectChange.search',
		category: '库存',
		nameZh: '正残转换单查询',
	},
	{
		method: 'wms.stockout.SalesPick.pickListOverviewForApi',
		category: '库存',
		nameZh: '分拣单全览',
	},
	{
		method: 'wms.PositionCapacity.search',
		category: '库存',
		nameZh: '默认货位查询',
	},
	{
		method: 'wms.stockout.Pack.search',
		category: '库存',
		nameZh: '装箱单查询',
	},
	{
		method: 'wms.stockin.JitRefund.searchOrderWithDetail',
		category: '库存',
		nameZh: 'JIT退货入库单查询',
	},
	{
		method: 'wms.stockout.JitOrder.search',
		category: '库存',
		nameZh: 'JIT出库单查询',
	},
	{
		method: 'wms.GoodsSN.queryWithDetail',
		category: '库存',
		nameZh: 'SN码查询',
	},
	{
		method: 'wms.GoodsBatch.createByApi',
		category: '库存',
		nameZh: '批次号创建',
	},
	{ method: 'wms.GoodsPack.upload', category: '库存', nameZh: '箱码新建' },
	{ method: 'wms.stockin.Base.search', category: '库存', nameZh: '入库单查询' },
	{
		method: 'wms.stockout.Base.search',
		category: '库存',
		nameZh: '出库单查询',
	},
	{
		method: 'wms.stockin.Base.searchSN',
		category: '库存',
		nameZh: '入库SN查询',
	},
	{
		method: 'wms.stockout.Base.searchSN',
		category: '库存',
		nameZh: '出库SN查询',
	},
	{
		method: 'wms.stockin.Base.uploadSN',
		category: '库存',
		nameZh: '入库SN明细推送',
	},
	{
		method: 'wms.stockout.Base.uploadSN',
		category: '库存',
		nameZh: '出库SN明细推送',
	},
	{
		method: 'wms.ErrorCorrection.queryWithDetail',
		category: '库存',
		nameZh: '纠错单查询',
	},
	{
		method: 'finance.StockCost.search',
		category: '库存',
		nameZh: '存货成本查询',
	},
	{
		method: 'finance.settle.Transfer.search',
		category: '库存',
		nameZh: '调拨结算查询',
	},
	{
		method: 'finance.settle.Logistics.search',
		category: '库存',
		nameZh: '电子面单号查询',
	},
	{
		method: 'finance.settle.OtherIn.upload',
		category: '库存',
		nameZh: '其它入库业务结算单创建',
	},
	{
		method: 'statistic.StockoutCollect.queryCostWithDetail',
		category: '库存',
		nameZh: '出库瞬时成本查询',
	},
	{
		method: 'statistic.StockinCollect.queryCostWithDetail',
		category: '库存',
		nameZh: '入库瞬时成本查询',
	},
	{
		method: 'wms.stockin.Refund.queryWithDetail',
		category: '售后',
		nameZh: '退货入库单查询',
	},
	{
		method: 'wms.stockin.Refund.queryHisWithDetail',
		category: '售后',
		nameZh: '历史退货入库单查询',
	},
	{
		method: 'wms.stockin.Refund.createOrder',
		category: '售后',
		nameZh: '退货入库单推送',
	},
	{
		method: 'wms.stockin.Refund.returnLogisticsPackageQuery',
		category: '售后',
		nameZh: '退货物流包裹查询',
	},
	{
		method: 'wms.stockin.PreStockin.createExt',
		category: '售后',
		nameZh: '创建退货预入库',
	},
	{
		method: 'wms.stockin.PreStockin.search',
		category: '售后',
		nameZh: '预入库单据查询',
	},
	{
		method: 'wms.stockin.PreStockin.cancel',
		category: '售后',
		nameZh: '退货预入库单取消',
	},
	{
		method: 'wms.stockin.SmartRefund.upload',
		category: '售后',
		nameZh: '快速退货推送',
	},
	{
		method: 'aftersales.refund.RawRefund.upload',
		category: '售后',
		nameZh: '原始退款单推送',
	},
	{
		method: 'aftersales.refund.RawRefund.upload2',
		category: '售后',
		nameZh: '原始退款单推送2',
	},
	{
		method: 'aftersales.refund.RawRefund.search',
		category: '售后',
		nameZh: '原始退款单查询',
	},
	{
		method: 'aftersales.refund.RawRefund.searchHistory',
		category: '售后',
		nameZh: '历史原始退款单查询',
	},
	{
		method: 'aftersales.refund.Refund.search',
		category: '售后',
		nameZh: '退换单查询',
	},
	{
		method: 'aftersales.refund.Refund.searchHistory',
		category: '售后',
		nameZh: '历史退换单查询',
	},
	{ method: 'system.Core.now', category: '基础', nameZh: '获取服务器当前时间' },
];
