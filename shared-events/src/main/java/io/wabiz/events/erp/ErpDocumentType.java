package io.wabiz.events.erp;

public enum ErpDocumentType { PARTNER, SALES_ORDER, INVOICE }
