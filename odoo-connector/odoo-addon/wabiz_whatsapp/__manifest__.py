{
    "name": "WhatsApp flags for the Wabiz platform",
    "summary": "x_whatsapp_* fields on sales orders and invoices, written by the Wabiz odoo-connector",
    "description": """
The platform's odoo-connector writes these flags (and their dates) when a WhatsApp message about a document
reached the customer, and x_whatsapp_validated when the customer confirmed an order by a tap. They are plain
custom fields (state "manual", names starting with x_), exactly those the connector's README lists: the module
only creates them and shows them in a WhatsApp tab of the order and invoice forms.
    """,
    "version": "1.0.0",
    "license": "LGPL-3",
    "category": "Sales",
    "depends": ["sale", "account"],
    "data": [
        "data/ir_model_fields.xml",
        "views/whatsapp_tabs.xml",
    ],
    "installable": True,
    "application": False,
}
